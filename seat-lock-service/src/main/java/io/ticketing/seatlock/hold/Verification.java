package io.ticketing.seatlock.hold;

import java.time.Instant;
import java.util.List;

import io.ticketing.seatlock.model.SeatState;

/** The answer to "does this token still hold these seats?". {@code expiresAt} is null unless the hold is live. */
public record Verification(boolean valid, List<SeatState> seats, Instant expiresAt) {
}
