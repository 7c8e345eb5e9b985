package io.ticketing.booking.error;

import java.time.Duration;

import io.ticketing.platform.ProblemCode;

/**
 * Every error this service answers with: a stable machine-readable code, its HTTP status, and the
 * message a person reads, in Korean (default) and English. {@code %s} takes the detail, if any.
 * Codes shared with seat-lock-service mean the same thing in both.
 */
public enum ErrorCode implements ProblemCode {
    EMPTY_SEATS(400, "좌석을 하나 이상 선택해 주세요.", "Select at least one seat."),
    DUPLICATE_SEAT(400, "같은 좌석이 두 번 포함되어 있습니다: %s", "The same seat is named twice: %s"),
    INVALID_SEAT_NUMBER(400, "좌석 번호는 1 이상이어야 합니다: %s", "A seat number must be 1 or more: %s"),
    INVALID_ROW(400, "열 이름은 1자 이상 16자 이하여야 합니다: %s", "A row name must be 1 to 16 characters: %s"),
    TOO_MANY_SEATS(400, "한 번에 예매할 수 있는 좌석은 최대 %s석입니다.", "At most %s seats can be booked at once."),
    OPERATOR_ONLY(403, "공연 운영자만 사용할 수 있는 기능입니다.", "Only operators may do this."),
    INVALID_SALES_WINDOW(400, "판매 기간이 올바르지 않습니다: %s", "The sales window is not valid: %s"),
    EMPTY_SECTION(400, "구역에 좌석 열이 없습니다: %s", "A section has no rows: %s"),
    OVERLAPPING_SEATS(400, "같은 좌석이 두 번 정의되었습니다: %s", "The same seats are defined twice: %s"),
    SEAT_MAP_TOO_LARGE(400, "한 회차의 좌석은 최대 %s석입니다.", "A schedule has at most %s seats."),
    INVALID_PRICE(400, "가격은 0 이상의 정수여야 합니다: %s", "A price must be a whole number, 0 or more: %s"),
    INVALID_GRADE(400, "등급 이름은 1자 이상 16자 이하여야 합니다: %s", "A grade must be 1 to 16 characters: %s"),
    TOO_MANY_SEAT_CHANGES(400, "한 번에 바꿀 수 있는 좌석은 최대 %s석입니다.", "At most %s seats can be changed at once."),
    TOO_MANY_SEATS_OFF_SALE(400, "판매 중지된 좌석은 한 회차에 최대 %s석입니다.", "At most %s seats of a schedule can be off sale."),
    EVENT_NOT_FOUND(404, "공연을 찾을 수 없습니다: %s", "No such event: %s"),
    SCHEDULE_NOT_FOUND(404, "공연 회차를 찾을 수 없습니다: %s", "No such schedule: %s"),
    SEAT_NOT_FOUND(404, "좌석을 찾을 수 없습니다: %s", "No such seat: %s"),
    BOOKING_NOT_FOUND(404, "예매 내역을 찾을 수 없습니다: %s", "No such booking: %s"),
    SALES_NOT_OPEN(409, "아직 예매가 시작되지 않았습니다. 예매 시작: %s", "Sales have not opened yet. They open at %s"),
    SALES_CLOSED(409, "예매가 마감되었습니다.", "Sales for this schedule have closed."),
    SEAT_ALREADY_BOOKED(409, "이미 선택된 좌석입니다.", "One of these seats is already booked."),
    SEAT_ALREADY_LOCKED(409, "이미 다른 사람이 선택 중입니다.", "Another user is holding one of these seats."),
    SEAT_LIMIT_REACHED(409, "이 회차에서 한 사람이 선택·예매할 수 있는 좌석 수를 넘었습니다. 최대: %s석",
            "Too many seats of this show for one person, held and booked together. At most: %s"),
    NOT_LOCK_OWNER(403, "본인이 선택한 좌석만 예매할 수 있습니다.", "Only the holder of this hold can book with it."),
    LOCK_EXPIRED(410, "좌석 선택 시간이 만료되었습니다. 좌석을 다시 선택해 주세요.", "Your hold has expired. Please select the seats again."),
    SEAT_MAP_LOCKED(409, "판매가 시작되었거나 예매가 있는 회차의 좌석 배치도는 통째로 바꿀 수 없습니다. 좌석별로 변경해 주세요.",
            "The seat map of a schedule on sale or with bookings cannot be replaced whole; change seats one by one."),
    SEAT_CHANGE_IN_PROGRESS(409, "이 회차의 좌석을 바꾸는 다른 요청이 처리 중입니다. 잠시 후 다시 시도해 주세요.",
            "Another change to this schedule's seats is under way. Please try again shortly."),
    SEATS_IN_USE(409, "선택 중이거나 예매된 좌석은 바꾸거나 판매 중지할 수 없습니다: %s",
            "Seats that are held or booked cannot be changed or withdrawn: %s"),
    IDEMPOTENCY_KEY_REUSED(422, "같은 Idempotency-Key로 다른 요청을 보낼 수 없습니다.",
            "This Idempotency-Key was already used for a different request."),
    SEAT_LOCK_UNAVAILABLE(503, "좌석 잠금 서비스에 연결할 수 없습니다. 잠시 후 다시 시도해 주세요.",
            "The seat lock service is unavailable. Please try again shortly."),
    BOOKING_BUSY(503, "예매 요청이 많아 처리하지 못했습니다. 잠시 후 다시 시도해 주세요.",
            "Too many bookings at once. Please try again shortly."),
    DATABASE_UNAVAILABLE(503, "예매 데이터베이스에 연결할 수 없습니다. 잠시 후 다시 시도해 주세요.",
            "The booking database is unavailable. Please try again shortly."),
    BOOKING_OUTCOME_UNKNOWN(500, "예매가 저장되었는지 확인하지 못했습니다. 내 예매 내역을 확인하거나, 같은 Idempotency-Key로 다시 요청해 주세요.",
            "Whether the booking was stored could not be confirmed. Check your bookings, or repeat the request with the same Idempotency-Key.");

    private final int status;
    private final String korean;
    private final String english;

    ErrorCode(int status, String korean, String english) {
        this.status = status;
        this.korean = korean;
        this.english = english;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String korean() {
        return korean;
    }

    @Override
    public String english() {
        return english;
    }

    /** A 503 tells clients when to try again: the circuit breaker's delay, so a retry does not meet it still open. */
    @Override
    public Duration retryAfter() {
        return status == 503 ? Duration.ofSeconds(2) : null;
    }
}
