package io.ticketing.seatlock.redis;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;

/** The counters and timers behind {@code /q/metrics}. */
@ApplicationScoped
public class SeatLockMetrics {

    private final MeterRegistry registry;
    private final Counter holdsGranted;
    private final Counter conflicts;
    private final Counter releases;
    private final Counter extensions;
    private final Counter soldRestored;

    SeatLockMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.holdsGranted = registry.counter("seat_lock.holds.granted");
        this.conflicts = registry.counter("seat_lock.conflicts");
        this.releases = registry.counter("seat_lock.releases");
        this.extensions = registry.counter("seat_lock.extensions");
        this.soldRestored = registry.counter("seat_lock.sold_markers.restored");
    }

    // Methods, not fields: callers reach this bean through its client proxy.
    public void holdGranted() {
        holdsGranted.increment();
    }

    public void conflict() {
        conflicts.increment();
    }

    public void released() {
        releases.increment();
    }

    public void extended() {
        extensions.increment();
    }

    /** Seats marked sold again from booking's database: each one a marker Redis had lost. */
    public void soldRestored(int seats) {
        soldRestored.increment(seats);
    }

    /** Times one operation from subscription to its item or failure. */
    public <T> Uni<T> timed(String operation, Uni<T> work) {
        Timer timer = registry.timer("seat_lock.operation", "operation", operation);
        return Uni.createFrom().deferred(() -> {
            Timer.Sample sample = Timer.start(registry);
            return work.onTermination().invoke(() -> sample.stop(timer));
        });
    }
}
