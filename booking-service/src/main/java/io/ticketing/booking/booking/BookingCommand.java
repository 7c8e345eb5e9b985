package io.ticketing.booking.booking;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import io.ticketing.booking.model.SeatRef;

/** A validated booking request. {@code lockToken} and {@code idempotencyKey} may be null. */
public record BookingCommand(long eventId, long scheduleId, List<SeatRef> seats, String lockToken, String idempotencyKey) {

    /**
     * Identifies the request for idempotency: the same event, schedule and seats, in any order. Each
     * row is written with its length first, so that no row label, whatever characters it holds, can
     * make two different sets of seats read the same.
     */
    public String requestHash() {
        String canonical = eventId + "|" + scheduleId + "|" + String.join(",",
                seats.stream().map(seat -> seat.row().length() + "#" + seat.row() + ":" + seat.number()).sorted().toList());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
