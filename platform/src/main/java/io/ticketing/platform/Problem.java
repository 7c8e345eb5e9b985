package io.ticketing.platform;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An RFC 9457 problem detail with a stable {@code code}. {@code detail} is for people, in Korean
 * unless the client asked for English; {@code code} is for programs. A service adds its own members
 * (the seats in conflict, the sales window) with {@link #with}: RFC 9457's extension members, so
 * this class knows no domain type.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({ "type", "title", "status", "detail", "code", "instance" })
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";

    private final ProblemCode code;
    private final String detail;
    private final String instance;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    private Problem(ProblemCode code, String detail, String instance) {
        this.code = code;
        this.detail = detail;
        this.instance = instance;
    }

    /** The problem {@code code} names, worded for a client that prefers English or not, at {@code path}. */
    public static Problem of(ProblemCode code, String detail, boolean english, String path) {
        return new Problem(code, code.message(english, detail), path);
    }

    /** An extension member; an empty list or a null value is left out of the body. */
    public Problem with(String member, Object value) {
        if (value != null && !(value instanceof Collection<?> list && list.isEmpty())) {
            extensions.put(member, value);
        }
        return this;
    }

    public String getType() {
        return "urn:ticketing:problem:" + code.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String getTitle() {
        return code.title();
    }

    public int getStatus() {
        return code.status();
    }

    public String getDetail() {
        return detail;
    }

    public String getCode() {
        return code.name();
    }

    public String getInstance() {
        return instance;
    }

    @JsonAnyGetter
    public Map<String, Object> extensions() {
        return extensions;
    }

    /**
     * English only when the client's {@code Accept-Language} ranks it above Korean; Korean, the
     * product's language, otherwise (also for a missing or unreadable header).
     */
    public static boolean prefersEnglish(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return false;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                String language = range.getRange().split("-")[0];
                if (language.equals("en")) {
                    return true;
                }
                if (language.equals("ko")) {
                    return false;
                }
            }
        } catch (IllegalArgumentException e) {
            return false;
        }
        return false;
    }
}
