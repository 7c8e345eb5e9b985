package io.ticketing.booking.web;

import java.sql.SQLException;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.logging.Log;
import io.quarkus.security.ForbiddenException;
import io.ticketing.booking.booking.DatabaseFailures;
import io.ticketing.booking.client.SeatLockUnavailableException;
import io.ticketing.booking.error.BookingException;
import io.ticketing.booking.error.ErrorCode;
import io.ticketing.platform.CommonError;
import io.ticketing.platform.Problems;

/**
 * This service's refusals as problem+json: its domain errors (with the seats in conflict and the
 * sales window where they apply), a seat-lock it cannot reach, and a database that fails. The
 * plumbing's failures (bad JSON, no token, unknown paths, the unexpected) are the platform's
 * {@code HttpProblemMapper}'s; it asks {@link DatabaseFailureTranslator} about the unexpected.
 */
class ProblemMapper {

    @ServerExceptionMapper
    Response domain(BookingException e, HttpHeaders headers, UriInfo uri) {
        return Problems.response(e.code(), e.detail(), null, headers, uri,
                problem -> problem.with("conflicting_seats", e.conflicts())
                        .with("sales_open_at", e.salesWindow().map(BookingException.SalesWindow::opensAt).orElse(null))
                        .with("sales_close_at", e.salesWindow().map(BookingException.SalesWindow::closesAt).orElse(null)));
    }

    /** Signed in, but not an operator, on the operator API. */
    @ServerExceptionMapper
    Response forbidden(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        return Problems.response(ErrorCode.OPERATOR_ONLY, null, headers, uri);
    }

    /** Timed out, circuit open, connection refused, or a 5xx: seat-lock cannot vouch for the hold now. */
    @ServerExceptionMapper({ FaultToleranceException.class, SeatLockUnavailableException.class, ProcessingException.class })
    Response seatLockUnavailable(Throwable e, HttpHeaders headers, UriInfo uri) {
        Log.warnf("seat-lock unavailable: %s", e.toString());
        return Problems.response(ErrorCode.SEAT_LOCK_UNAVAILABLE, null, headers, uri);
    }

    @ServerExceptionMapper({ PersistenceException.class, SQLException.class })
    Response database(Throwable e, HttpHeaders headers, UriInfo uri) {
        BookingException translated = DatabaseFailures.translate(e);
        if (translated == null || translated.code() == CommonError.INTERNAL_ERROR) {
            Log.error("Unexpected database failure", e);
            return Problems.response(CommonError.INTERNAL_ERROR, null, headers, uri);
        }
        Log.warnf("Database failure: %s", e.toString());
        return Problems.response(translated.code(), null, headers, uri);
    }
}
