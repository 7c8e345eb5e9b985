package io.ticketing.platform;

import jakarta.enterprise.context.ApplicationScoped;

/** Whether the service's warm-up has run: {@link WarmUpCheck} reports it, the warm-up sets it once. */
@ApplicationScoped
public class WarmUpState {

    private volatile boolean done;

    public void markDone() {
        done = true;
    }

    public boolean done() {
        return done;
    }
}
