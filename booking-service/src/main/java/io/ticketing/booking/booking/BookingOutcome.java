package io.ticketing.booking.booking;

/** A booking made now, or ({@code replayed}) the one an earlier request with the same Idempotency-Key made. */
public record BookingOutcome(BookingDetails details, boolean replayed) {
}
