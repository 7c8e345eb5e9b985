package io.ticketing.seatlock.sale;

import java.util.List;

import io.ticketing.seatlock.model.Seat;

/** A booking as booking-service's database has it: whose it is and the seats it owns. */
public record SoldBooking(String owner, long bookingId, List<Seat> seats) {
}
