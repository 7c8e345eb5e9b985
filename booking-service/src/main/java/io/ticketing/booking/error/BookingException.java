package io.ticketing.booking.error;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.ticketing.booking.model.SeatConflict;
import io.ticketing.platform.ProblemCode;

/** A domain failure with its {@link ProblemCode}; the REST layer turns it into problem+json. */
public class BookingException extends RuntimeException {

    private final ProblemCode code;
    private final String detail;
    private final List<SeatConflict> conflicts;
    private final SalesWindow salesWindow;

    /** When the sale opens or closes, for the problem's {@code sales_open_at} / {@code sales_close_at}. */
    public record SalesWindow(Instant opensAt, Instant closesAt) {
    }

    public BookingException(ProblemCode code) {
        this(code, null, List.of());
    }

    public BookingException(ProblemCode code, String detail) {
        this(code, detail, List.of());
    }

    public BookingException(ProblemCode code, String detail, List<SeatConflict> conflicts) {
        this(code, detail, conflicts, null);
    }

    private BookingException(ProblemCode code, String detail, List<SeatConflict> conflicts, SalesWindow salesWindow) {
        super(code.name(), null, false, false);
        this.code = code;
        this.detail = detail;
        this.conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
        this.salesWindow = salesWindow;
    }

    /** SALES_NOT_OPEN or SALES_CLOSED, with the window in the body so that a client can count down. */
    public static BookingException outsideSales(ErrorCode code, Instant opensAt, Instant closesAt) {
        return new BookingException(code, code == ErrorCode.SALES_NOT_OPEN && opensAt != null ? opensAt.toString() : null,
                List.of(), new SalesWindow(opensAt, closesAt));
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

    public Optional<SalesWindow> salesWindow() {
        return Optional.ofNullable(salesWindow);
    }
}
