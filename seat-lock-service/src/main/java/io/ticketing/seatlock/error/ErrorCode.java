package io.ticketing.seatlock.error;

import io.ticketing.platform.CommonError;
import io.ticketing.platform.ProblemCode;

/**
 * The errors of this service's own rules (those of the HTTP plumbing are {@link CommonError}): a stable machine-readable code, its HTTP status, and the
 * message a person reads, in Korean (default) and English. {@code %s} takes the detail, if any.
 */
public enum ErrorCode implements ProblemCode {
    EMPTY_SEATS(400, "좌석을 하나 이상 선택해 주세요.", "Select at least one seat."),
    DUPLICATE_SEAT(400, "같은 좌석이 두 번 포함되어 있습니다: %s", "The same seat is named twice: %s"),
    INVALID_SEAT_NUMBER(400, "좌석 번호는 1 이상이어야 합니다: %s", "A seat number must be 1 or more: %s"),
    INVALID_ROW(400, "열 이름은 1자 이상 16자 이하여야 합니다: %s", "A row name must be 1 to 16 characters: %s"),
    TOO_MANY_SEATS(400, "한 번에 선택할 수 있는 좌석은 최대 %s석입니다.", "At most %s seats can be selected at once."),
    SERVICE_KEY_INVALID(403, "내부 API를 호출할 권한이 없습니다.", "This internal API needs a valid service key."),
    SCHEDULE_NOT_FOUND(404, "판매 중인 공연 회차를 찾을 수 없습니다.", "No sale is known for this schedule."),
    SEAT_NOT_FOUND(404, "이 회차의 좌석 배치도에 없는 좌석입니다: %s", "Not a seat of this schedule's seat map: %s"),
    SALES_NOT_OPEN(409, "아직 예매가 시작되지 않았습니다. 예매 시작: %s", "Sales have not opened yet. They open at %s"),
    SALES_CLOSED(409, "예매가 마감되었습니다.", "Sales for this schedule have closed."),
    SEAT_ALREADY_LOCKED(409, "이미 다른 사람이 선택 중입니다.", "Another user is holding one of these seats."),
    SEAT_ALREADY_BOOKED(409, "이미 선택된 좌석입니다.", "One of these seats is already booked."),
    HOLD_EXTENSION_LIMIT(409, "좌석 선택 시간을 더 연장할 수 없습니다.", "This hold cannot be extended any further."),
    HOLD_TIME_USED_UP(409, "이 회차의 좌석 선택 시간을 모두 사용했습니다. 잠시 후 다시 시도해 주세요.",
            "You have used up your time for holding seats of this show. Please try again later."),
    SEAT_LIMIT_REACHED(409, "이 회차에서 한 사람이 선택·예매할 수 있는 좌석 수를 넘었습니다. 최대: %s석",
            "Too many seats of this show for one person, held and booked together. At most: %s"),
    NOT_LOCK_OWNER(403, "본인이 선택한 좌석만 변경할 수 있습니다.", "Only the holder can change this hold."),
    CLAIM_TOKEN_REUSED(409, "이 예약 요청 번호는 이미 다른 좌석에 쓰였습니다.", "This claim token is already in use for other seats."),
    LOCK_EXPIRED(410, "좌석 선택 시간이 만료되었거나 존재하지 않는 선택입니다.", "This hold has expired or does not exist."),
    LOCK_STORE_UNAVAILABLE(503, "좌석 잠금 저장소에 연결할 수 없습니다. 잠시 후 다시 시도해 주세요.",
            "The seat lock store is unavailable. Please try again shortly."),
    TOO_MANY_STREAMS(503, "실시간 좌석 정보 연결이 너무 많습니다. 잠시 후 다시 시도해 주세요.",
            "Too many live seat-map streams are open here. Please try again shortly.");

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
}
