package io.ticketing.platform;

import java.time.Duration;
import java.util.function.UnaryOperator;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Problems as answers, built one way for JAX-RS resources and for Vert.x routes alike: the status
 * of the code, {@code application/problem+json}, and a {@code Retry-After} where the code or the
 * caller gives a wait (every 503 does).
 */
public final class Problems {

    private Problems() {
    }

    /** The answer for {@code code} to the request of {@code headers} and {@code uri}. */
    public static Response response(ProblemCode code, String detail, Duration retryAfter, HttpHeaders headers, UriInfo uri,
            UnaryOperator<Problem> members) {
        boolean english = Problem.prefersEnglish(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        Problem problem = members.apply(Problem.of(code, detail, english, uri.getPath()));
        Response.ResponseBuilder response = Response.status(code.status()).type(Problem.MEDIA_TYPE).entity(problem);
        String wait = retryAfterSeconds(code, retryAfter);
        if (wait != null) {
            response.header(HttpHeaders.RETRY_AFTER, wait);
        }
        return response.build();
    }

    public static Response response(ProblemCode code, String detail, HttpHeaders headers, UriInfo uri) {
        return response(code, detail, null, headers, uri, UnaryOperator.identity());
    }

    /**
     * The {@code Retry-After} seconds for an answer: the wait given, else the code's own
     * ({@link ProblemCode#retryAfter()}), rounded up to whole seconds; null for none.
     */
    public static String retryAfterSeconds(ProblemCode code, Duration retryAfter) {
        Duration wait = retryAfter != null ? retryAfter : code.retryAfter();
        return wait == null ? null : Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000));
    }

    /** The same answer written straight to a Vert.x response, for routes outside the REST layer. */
    public static void end(RoutingContext context, ProblemCode code, String detail, ObjectMapper json) {
        boolean english = Problem.prefersEnglish(context.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        Problem problem = Problem.of(code, detail, english, context.normalizedPath());
        HttpServerResponse response = context.response().setStatusCode(code.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        String wait = retryAfterSeconds(code, null);
        if (wait != null) {
            response.putHeader(HttpHeaders.RETRY_AFTER, wait);
        }
        try {
            response.end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            Log.errorf("Could not write a problem: %s", e.toString());
            response.setStatusCode(500).end();
        }
    }
}
