package io.ticketing.seatlock.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.ticketing.platform.Problems;
import io.ticketing.seatlock.error.SeatLockException;

/**
 * This service's refusals as problem+json, with the seats in conflict and the sales window where
 * they apply. The plumbing's failures (bad JSON, no token, unknown paths, the unexpected) are the
 * platform's {@code HttpProblemMapper}'s.
 */
class ProblemMapper {

    @ServerExceptionMapper
    Response domain(SeatLockException e, HttpHeaders headers, UriInfo uri) {
        return Problems.response(e.code(), e.detail(), e.retryAfter().orElse(null), headers, uri,
                problem -> problem.with("conflicting_seats", e.conflicts())
                        .with("sales_open_at", e.salesWindow().map(SeatLockException.SalesWindow::opensAt).orElse(null))
                        .with("sales_close_at", e.salesWindow().map(SeatLockException.SalesWindow::closedAt).orElse(null)));
    }
}
