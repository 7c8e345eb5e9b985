package io.ticketing.seatlock.model;

/** A seat that could not be taken, and why: {@code LOCKED} by another user, or {@code BOOKED}. */
public record SeatConflict(String row, int number, String reason) {
}
