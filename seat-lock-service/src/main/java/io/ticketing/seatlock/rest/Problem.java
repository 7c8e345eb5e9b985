package io.ticketing.seatlock.rest;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.ticketing.seatlock.error.ErrorCode;
import io.ticketing.seatlock.model.SeatConflict;

/**
 * An RFC 9457 problem detail with a stable {@code code}. {@code detail} is for people, in Korean
 * unless the client asked for English; {@code code} is for programs.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String code, String instance,
        List<SeatConflict> conflictingSeats, Instant salesOpenAt, Instant salesCloseAt) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ErrorCode code, String detail, List<SeatConflict> conflicts, boolean english, String path) {
        String slug = code.name().toLowerCase(Locale.ROOT).replace('_', '-');
        return new Problem("urn:ticketing:problem:" + slug, code.title(), code.status(),
                code.message(english, detail), code.name(), path, conflicts, null, null);
    }

    /** The same problem telling when the sale opens or closed (SALES_NOT_OPEN, SALES_CLOSED). */
    public Problem withSalesWindow(Instant opensAt, Instant closedAt) {
        return new Problem(type, title, status, detail, code, instance, conflictingSeats, opensAt, closedAt);
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
