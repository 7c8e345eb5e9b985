package io.ticketing.platform;

import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Puts the gateway's {@code X-Request-Id} into every log line written while serving the request
 * ({@code %X{request_id}} in the log format), so that one request can be followed through the
 * gateway and both services. Quarkus keeps the MDC with the request's own Vert.x context, also
 * where the request continues on a worker thread. An id a client made up is logged only if it looks
 * like an id: no spaces or line breaks that could forge a log line.
 */
public class RequestIdLogging {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "request_id";
    private static final Pattern LOOKS_LIKE_AN_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @ServerRequestFilter(preMatching = true)
    void tag(ContainerRequestContext request) {
        String id = request.getHeaderString(HEADER);
        if (id != null && LOOKS_LIKE_AN_ID.matcher(id).matches()) {
            MDC.put(MDC_KEY, id);
        } else {
            MDC.remove(MDC_KEY);
        }
    }

    @ServerResponseFilter
    void untag() {
        MDC.remove(MDC_KEY);
    }
}
