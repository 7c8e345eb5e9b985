package io.ticketing.booking.model;

/** A seat that could not be booked, and why: LOCKED by another user, or BOOKED. */
public record SeatConflict(String row, int number, String reason) {
}
