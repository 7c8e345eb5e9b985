package io.ticketing.booking.booking;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.ticketing.platform.ProblemCode;

/** The counters and timers behind {@code /q/metrics}. */
@ApplicationScoped
class BookingMetrics {

    private final MeterRegistry registry;

    BookingMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void confirmed(Duration took) {
        registry.counter("booking.confirmed").increment();
        registry.timer("booking.latency", "outcome", "confirmed").record(took);
    }

    void rejected(ProblemCode code, Duration took) {
        registry.counter("booking.rejected", "code", code.name()).increment();
        registry.timer("booking.latency", "outcome", "rejected").record(took);
    }

    void cancelled() {
        registry.counter("booking.cancelled").increment();
    }
}
