package io.ticketing.seatlock.model;

import java.util.List;

/** A booking as booking-service's database has it: whose it is and the seats it owns. */
public record SoldBooking(String owner, long bookingId, List<Seat> seats) {
}
