package io.ticketing.load;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import io.vertx.core.Future;

/**
 * A closed loop of virtual users on the load client's event loop: each user takes its next step as
 * soon as its last one is answered, until its step says it is done or the time is up. A progress
 * line is printed every few seconds. No thread per user: a step is a chain of futures.
 */
final class VirtualUsers {

    private VirtualUsers() {
    }

    /** Runs the users; returns the wall time from the first step to the last answer, in nanoseconds. */
    static long run(LoadClient client, String name, int users, Duration limit, IntFunction<Future<Boolean>> step,
            Supplier<String> progress) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(users);
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        AtomicLong lastAnswer = new AtomicLong(start);
        long timer = client.vertx.setPeriodic(5_000, id -> System.out.printf("  [%s] %3d s: %s%n", name,
                (System.nanoTime() - start) / 1_000_000_000L, progress.get()));
        client.vertx.runOnContext(ignored -> {
            for (int user = 0; user < users; user++) {
                next(user, step, deadline, done, lastAnswer);
            }
        });
        if (!done.await(limit.toSeconds() + 180, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + ": users still waiting for answers 3 minutes after the end");
        }
        client.vertx.cancelTimer(timer);
        return lastAnswer.get() - start;
    }

    private static void next(int user, IntFunction<Future<Boolean>> step, long deadline, CountDownLatch done,
            AtomicLong lastAnswer) {
        if (System.nanoTime() >= deadline) {
            done.countDown();
            return;
        }
        step.apply(user).onComplete(result -> {
            lastAnswer.accumulateAndGet(System.nanoTime(), Math::max);
            if (result.succeeded() && Boolean.TRUE.equals(result.result())) {
                next(user, step, deadline, done, lastAnswer);
            } else {
                if (result.failed()) {
                    System.out.println("  a user stopped on " + result.cause());
                }
                done.countDown();
            }
        });
    }
}
