package io.ticketing.seatlock.error;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.ticketing.seatlock.model.SeatConflict;

/** A domain failure with its {@link ErrorCode}; the REST layer turns it into problem+json. */
public class SeatLockException extends RuntimeException {

    private final ErrorCode code;
    private final String detail;
    private final List<SeatConflict> conflicts;
    private final Duration retryAfter;

    public SeatLockException(ErrorCode code) {
        this(code, null, List.of());
    }

    public SeatLockException(ErrorCode code, String detail) {
        this(code, detail, List.of());
    }

    public SeatLockException(ErrorCode code, String detail, List<SeatConflict> conflicts) {
        this(code, detail, conflicts, null);
    }

    /** A refusal that ends by itself: the client may try again after {@code retryAfter}. */
    public SeatLockException(ErrorCode code, Duration retryAfter) {
        this(code, null, List.of(), retryAfter);
    }

    private SeatLockException(ErrorCode code, String detail, List<SeatConflict> conflicts, Duration retryAfter) {
        super(code.name(), null, false, false);
        this.code = code;
        this.detail = detail;
        this.conflicts = List.copyOf(conflicts);
        this.retryAfter = retryAfter;
    }

    public ErrorCode code() {
        return code;
    }

    public String detail() {
        return detail;
    }

    public List<SeatConflict> conflicts() {
        return conflicts;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
