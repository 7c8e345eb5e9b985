package io.ticketing.seatlock.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.ticketing.seatlock.config.SeatLockConfig;
import io.ticketing.seatlock.error.ErrorCode;
import io.ticketing.seatlock.error.SeatLockException;

/**
 * Who may call the internal API: only a caller presenting {@code X-Service-Key} equal to
 * {@code seat-lock.internal-api-key} (compared in constant time). With no key configured, nobody.
 * Every path under {@value #INTERNAL_PATHS} is guarded, by its path rather than by a list of
 * resources, so an internal resource added later is closed by default; the check runs before the
 * operation's body is read.
 */
class ServiceKeyFilter {

    static final String SERVICE_KEY_HEADER = "X-Service-Key";
    static final String INTERNAL_PATHS = "/internal/";

    private final SeatLockConfig config;

    ServiceKeyFilter(SeatLockConfig config) {
        this.config = config;
    }

    @ServerRequestFilter
    void check(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith(INTERNAL_PATHS)) {
            return;
        }
        String expected = config.internalApiKey().orElse(null);
        String presented = request.getHeaderString(SERVICE_KEY_HEADER);
        boolean matches = expected != null && presented != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
        if (!matches) {
            throw new SeatLockException(ErrorCode.SERVICE_KEY_INVALID);
        }
    }
}
