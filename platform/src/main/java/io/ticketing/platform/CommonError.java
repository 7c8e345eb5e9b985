package io.ticketing.platform;

/** The errors of the HTTP plumbing, worded the same in both services. */
public enum CommonError implements ProblemCode {
    MALFORMED_JSON(400, "요청 본문을 JSON으로 읽을 수 없습니다.", "The request body is not valid JSON."),
    MISSING_FIELD(400, "필수 항목이 없습니다: %s", "A required field is missing: %s"),
    INVALID_FIELD(400, "항목의 값이 올바르지 않습니다: %s", "A field has an invalid value: %s"),
    PAYLOAD_TOO_LARGE(413, "요청 본문이 너무 큽니다.", "The request body is too large."),
    UNAUTHENTICATED(401, "로그인이 필요합니다. 유효한 토큰을 보내 주세요.", "Authentication is required: send a valid bearer token."),
    NOT_FOUND(404, "요청한 경로를 찾을 수 없습니다.", "No such resource."),
    METHOD_NOT_ALLOWED(405, "허용되지 않는 메서드입니다.", "This method is not allowed here."),
    UNSUPPORTED_MEDIA_TYPE(415, "JSON(application/json)으로 보내 주세요.", "Send the body as application/json."),
    INTERNAL_ERROR(500, "일시적인 오류가 발생했습니다. 잠시 후 다시 시도해 주세요.", "An unexpected error occurred. Please try again.");

    private final int status;
    private final String korean;
    private final String english;

    CommonError(int status, String korean, String english) {
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
