package io.ticketing.seatlock.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import io.ticketing.seatlock.config.SeatLockConfig;
import io.ticketing.seatlock.error.ErrorCode;
import io.ticketing.seatlock.error.SeatLockException;

/**
 * Who may call the internal API: only a caller presenting {@code X-Service-Key} equal to
 * {@code seat-lock.internal-api-key} (compared in constant time). With no key configured, nobody.
 * One check for every operation of {@link InternalClaimResource}, {@link InternalSoldSeatsResource} and {@link InternalSeatMapResource},
 * before its body is looked at.
 */
class ServiceKeyFilter {

    static final String SERVICE_KEY_HEADER = "X-Service-Key";

    private final SeatLockConfig config;

    ServiceKeyFilter(SeatLockConfig config) {
        this.config = config;
    }

    @ServerRequestFilter
    void check(ContainerRequestContext request, SimpleResourceInfo resource) {
        if (resource.getResourceClass() != InternalClaimResource.class
                && resource.getResourceClass() != InternalSoldSeatsResource.class
                && resource.getResourceClass() != InternalSeatMapResource.class) {
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
