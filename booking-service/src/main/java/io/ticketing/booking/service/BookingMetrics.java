package io.ticketing.booking.service;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.ticketing.booking.error.ErrorCode;

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

    void rejected(ErrorCode code, Duration took) {
        registry.counter("booking.rejected", "code", code.name()).increment();
        registry.timer("booking.latency", "outcome", "rejected").record(took);
    }

    void cancelled() {
        registry.counter("booking.cancelled").increment();
    }
}
