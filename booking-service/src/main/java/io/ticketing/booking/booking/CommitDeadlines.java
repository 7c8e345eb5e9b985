package io.ticketing.booking.booking;

import io.ticketing.booking.error.BookingException;
import io.ticketing.booking.error.ErrorCode;

/**
 * The two moments after which a booking must not commit: when its seat-lock claim has less than its
 * safety margin left (someone else could then hold the seat: 410 LOCK_EXPIRED), and when the answer
 * could no longer reach the caller before the request's deadline (503 BOOKING_BUSY: not now, and
 * nothing stored).
 */
public record CommitDeadlines(Deadline claimSafe, Deadline answerInTime) {

    public Deadline earliest() {
        return claimSafe.earliest(answerInTime);
    }

    /** The refusal for the deadline that ran out (or will first). */
    public BookingException refusal() {
        return earliest() == claimSafe ? new BookingException(ErrorCode.LOCK_EXPIRED)
                : new BookingException(ErrorCode.BOOKING_BUSY);
    }
}
