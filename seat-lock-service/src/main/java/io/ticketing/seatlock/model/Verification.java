package io.ticketing.seatlock.model;

import java.time.Instant;
import java.util.List;

/** The answer to "does this token still hold these seats?". {@code expiresAt} is null unless the hold is live. */
public record Verification(boolean valid, List<SeatState> seats, Instant expiresAt) {
}
