package io.ticketing.booking.booking;

import java.time.Duration;

/**
 * The moment by which a request must be answered. It is set once, when the request arrives, from the
 * budget the gateway grants (X-Request-Budget-Ms) or the service's own, and every step below it (the
 * admission gate, the claim, the transaction, the confirm) takes its time from what is left.
 */
public record Deadline(long atNanos) {

    public static Deadline in(Duration budget) {
        return new Deadline(System.nanoTime() + budget.toNanos());
    }

    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, atNanos - System.nanoTime()));
    }

    /** This deadline brought forward by {@code reserve}: the time the steps after a point need. */
    public Deadline minus(Duration reserve) {
        return new Deadline(atNanos - reserve.toNanos());
    }

    public boolean passed() {
        return System.nanoTime() >= atNanos;
    }

    public Deadline earliest(Deadline other) {
        return other.atNanos - atNanos < 0 ? other : this;
    }
}
