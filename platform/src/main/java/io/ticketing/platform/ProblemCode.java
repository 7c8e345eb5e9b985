package io.ticketing.platform;

import java.time.Duration;

/**
 * A stable, machine-readable error code with its HTTP status and the message a person reads, in
 * Korean (the product's language) and English. Each service's {@code ErrorCode} enum implements it
 * for its own codes; {@link CommonError} has the codes of the HTTP plumbing both share.
 * {@code %s} in a message takes the detail, if any.
 */
public interface ProblemCode {

    /** The code as clients see it ({@code SEAT_ALREADY_LOCKED}); an enum's own name. */
    String name();

    int status();

    String korean();

    String english();

    /**
     * The problem's title: the English message without its detail, the same for every occurrence
     * ("A required field is missing", not "...: seats").
     */
    default String title() {
        String english = english();
        String withoutDetailSentence = english.replaceAll("\\s*[^.]*%s.*$", "");
        return withoutDetailSentence.isEmpty()
                ? english.replace("%s", "").replaceAll("\\s{2,}", " ").replaceAll("[:\\s]+$", "")
                : withoutDetailSentence;
    }

    /**
     * How long a client should wait before it tries again, sent as {@code Retry-After}: a second
     * for a 503 (a 503 always says when), none otherwise. A service whose 503s last longer (a
     * circuit breaker's delay) says so for its codes.
     */
    default Duration retryAfter() {
        return status() == 503 ? Duration.ofSeconds(1) : null;
    }

    default String message(boolean inEnglish, String detail) {
        String template = inEnglish ? english() : korean();
        return template.contains("%s") ? template.formatted(detail == null ? "" : detail) : template;
    }
}
