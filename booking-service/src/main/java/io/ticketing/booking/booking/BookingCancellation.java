package io.ticketing.booking.booking;

import jakarta.enterprise.context.ApplicationScoped;

/** Cancels a user's booking in the database, then frees its seats at seat-lock. */
@ApplicationScoped
public class BookingCancellation {

    private final BookingWriter writer;
    private final SeatLockSteps seatLock;
    private final BookingMetrics metrics;

    BookingCancellation(BookingWriter writer, SeatLockSteps seatLock, BookingMetrics metrics) {
        this.writer = writer;
        this.seatLock = seatLock;
        this.metrics = metrics;
    }

    public BookingDetails cancel(Caller caller, long bookingId) {
        BookingDetails cancelled = writer.cancel(caller.userId(), bookingId);
        metrics.cancelled();
        seatLock.cancel(caller, cancelled.booking(), cancelled.seats());
        return cancelled;
    }
}
