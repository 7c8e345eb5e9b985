package io.ticketing.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a body whose declared length is over the service's {@link BodyLimits} for its path with
 * 413 problem+json before it is read. A chunked body with no length is cut off by
 * {@code quarkus.http.limits.max-body-size} instead.
 */
@ApplicationScoped
public class BodySizeLimit {

    private final BodyLimits limits;
    private final ObjectMapper json;

    BodySizeLimit(BodyLimits limits, ObjectMapper json) {
        this.limits = limits;
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null || !isOver(length, limits.maxBodyBytes(context.request().path()))) {
            context.next();
            return;
        }
        // The body is not read: the connection cannot be used for another request.
        context.response().putHeader(HttpHeaders.CONNECTION, "close");
        Problems.end(context, CommonError.PAYLOAD_TOO_LARGE, null, json);
    }

    private static boolean isOver(String length, long limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
