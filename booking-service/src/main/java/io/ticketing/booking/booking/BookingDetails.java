package io.ticketing.booking.booking;

import java.util.List;

import io.ticketing.booking.model.Booking;
import io.ticketing.booking.model.Seat;

/** A booking with its seats. */
public record BookingDetails(Booking booking, List<Seat> seats) {
}
