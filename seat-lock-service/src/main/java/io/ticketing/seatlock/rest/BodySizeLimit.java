package io.ticketing.seatlock.rest;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ticketing.seatlock.config.SeatLockConfig;
import io.ticketing.seatlock.error.ErrorCode;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a body whose declared length is over {@code seat-lock.max-body-bytes} (256 KiB for booking's
 * seat-map pages, {@link InternalSeatMapResource}) with 413
 * problem+json before it is read. A chunked body with no length is cut off by
 * {@code quarkus.http.limits.max-body-size} instead.
 */
@ApplicationScoped
class BodySizeLimit {

    private final SeatLockConfig config;
    private final ObjectMapper json;

    BodySizeLimit(SeatLockConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long limit = context.request().path().startsWith(InternalSeatMapResource.PATH) ? InternalSeatMapResource.MAX_BODY_BYTES
                : config.maxBodyBytes();
        if (length == null || !isOver(length, limit)) {
            context.next();
            return;
        }
        boolean english = Problem.prefersEnglish(context.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        Problem problem = Problem.of(ErrorCode.PAYLOAD_TOO_LARGE, null, List.of(), english,
                context.request().path());
        try {
            context.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close").end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.fail(413);
        }
    }

    private static boolean isOver(String length, long limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
