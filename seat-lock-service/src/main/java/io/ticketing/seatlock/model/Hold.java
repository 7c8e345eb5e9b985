package io.ticketing.seatlock.model;

import java.time.Instant;
import java.util.List;

/** Seats held (or claimed for booking) under one token until {@code expiresAt}. */
public record Hold(String token, long scheduleId, List<Seat> seats, Instant expiresAt, long fencingToken) {
}
