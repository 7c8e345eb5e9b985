package io.ticketing.booking.booking;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.ticketing.booking.config.BookingConfig;
import io.ticketing.booking.error.BookingException;

/**
 * Where a booking request enters: it gets its deadline, waits its turn at the admission gate, runs
 * the {@link BookingFlow}, and is counted.
 */
@ApplicationScoped
public class BookingService {

    private final BookingFlow flow;
    private final AdmissionGate gate;
    private final BookingMetrics metrics;
    private final BookingConfig config;

    BookingService(BookingFlow flow, AdmissionGate gate, BookingMetrics metrics, BookingConfig config) {
        this.flow = flow;
        this.gate = gate;
        this.metrics = metrics;
        this.config = config;
    }

    /**
     * Books, answering within {@code booking.request-timeout} or the shorter {@code budget} the
     * gateway granted: a booking that cannot finish in time is refused (503) before it claims, and
     * never committed after its deadline.
     */
    public BookingOutcome book(Caller caller, BookingCommand command, Optional<Duration> budget) {
        long started = System.nanoTime();
        Duration allowed = budget.filter(granted -> granted.compareTo(config.requestTimeout()) < 0)
                .orElse(config.requestTimeout());
        Deadline deadline = Deadline.in(allowed);
        try {
            BookingOutcome outcome = gate.admit(deadline.minus(config.stepsAfterAdmission()),
                    () -> flow.book(caller, command, deadline));
            if (!outcome.replayed()) {
                metrics.confirmed(Duration.ofNanos(System.nanoTime() - started));
            }
            return outcome;
        } catch (BookingException e) {
            metrics.rejected(e.code(), Duration.ofNanos(System.nanoTime() - started));
            throw e;
        }
    }
}
