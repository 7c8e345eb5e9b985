package io.ticketing.seatlock.hold;

import java.time.Instant;
import java.util.List;

import io.ticketing.seatlock.model.Seat;

/** Seats held (or claimed for booking) under one token until {@code expiresAt}. */
public record Hold(String token, long scheduleId, List<Seat> seats, Instant expiresAt, long fencingToken) {
}
