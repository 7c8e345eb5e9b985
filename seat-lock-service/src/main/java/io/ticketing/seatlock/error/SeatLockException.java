package io.ticketing.seatlock.error;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.ticketing.platform.ProblemCode;
import io.ticketing.seatlock.model.SeatConflict;

/** A domain failure with its {@link ProblemCode}; the REST layer turns it into problem+json. */
public class SeatLockException extends RuntimeException {

    private final ProblemCode code;
    private final String detail;
    private final List<SeatConflict> conflicts;
    private final Duration retryAfter;
    private final SalesWindow salesWindow;

    /** When the sale opens or closed, for the problem's {@code sales_open_at} / {@code sales_close_at}. */
    public record SalesWindow(Instant opensAt, Instant closedAt) {
    }

    public SeatLockException(ProblemCode code) {
        this(code, null, List.of());
    }

    public SeatLockException(ProblemCode code, String detail) {
        this(code, detail, List.of());
    }

    public SeatLockException(ProblemCode code, String detail, List<SeatConflict> conflicts) {
        this(code, detail, conflicts, null, null);
    }

    /** A refusal that ends by itself: the client may try again after {@code retryAfter}. */
    public SeatLockException(ProblemCode code, Duration retryAfter) {
        this(code, null, List.of(), retryAfter, null);
    }

    private SeatLockException(ProblemCode code, String detail, List<SeatConflict> conflicts, Duration retryAfter,
            SalesWindow salesWindow) {
        super(code.name(), null, false, false);
        this.code = code;
        this.detail = detail;
        this.conflicts = List.copyOf(conflicts);
        this.retryAfter = retryAfter;
        this.salesWindow = salesWindow;
    }

    /** Sales open at {@code opensAt}: the body says when, so a client can count down. */
    public static SeatLockException salesNotOpen(Instant opensAt) {
        return new SeatLockException(ErrorCode.SALES_NOT_OPEN, opensAt.toString(), List.of(), null,
                new SalesWindow(opensAt, null));
    }

    public static SeatLockException salesClosed(Instant closedAt) {
        return new SeatLockException(ErrorCode.SALES_CLOSED, null, List.of(), null, new SalesWindow(null, closedAt));
    }

    public ProblemCode code() {
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

    public Optional<SalesWindow> salesWindow() {
        return Optional.ofNullable(salesWindow);
    }
}
