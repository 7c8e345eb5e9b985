package io.ticketing.booking.error;

import java.util.List;

/** A domain failure with its {@link ErrorCode}; the REST layer turns it into problem+json. */
public class BookingException extends RuntimeException {

    private final ErrorCode code;
    private final String detail;
    private final List<SeatConflict> conflicts;

    public BookingException(ErrorCode code) {
        this(code, null, List.of());
    }

    public BookingException(ErrorCode code, String detail) {
        this(code, detail, List.of());
    }

    public BookingException(ErrorCode code, String detail, List<SeatConflict> conflicts) {
        super(code.name(), null, false, false);
        this.code = code;
        this.detail = detail;
        this.conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
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
}
