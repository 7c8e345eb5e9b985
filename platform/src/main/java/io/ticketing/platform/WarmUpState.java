package io.ticketing.platform;

import jakarta.enterprise.context.ApplicationScoped;

/** Whether the service's warm-up has run: {@link WarmUpCheck} reports it, the warm-up sets it once. */
@ApplicationScoped
public class WarmUpState {

    private volatile boolean done;

    /**
     * Runs the service's warm-up on a thread of its own, then marks it done, failed or not; with the
     * warm-up off, marks it done at once. Its own thread: start-up is not held up, the warm-up may
     * block (on Redis, on the database), which must never happen on an event loop, and readiness
     * stays DOWN until it is done.
     */
    public void start(boolean enabled, Runnable warmUp) {
        if (!enabled) {
            markDone();
            return;
        }
        Thread.ofPlatform().name("warm-up").daemon().start(() -> {
            try {
                warmUp.run();
            } finally {
                markDone();
            }
        });
    }

    public void markDone() {
        done = true;
    }

    public boolean done() {
        return done;
    }
}
