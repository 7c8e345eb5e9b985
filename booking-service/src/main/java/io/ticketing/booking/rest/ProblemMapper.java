package io.ticketing.booking.rest;

import java.util.List;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.ticketing.booking.client.SeatLockUnavailableException;
import io.ticketing.booking.error.BookingException;
import io.ticketing.booking.error.ErrorCode;
import io.ticketing.booking.error.SeatConflict;
import io.ticketing.booking.service.DatabaseFailures;

/** Turns every failure into problem+json; no stack trace or class name ever reaches a client. */
class ProblemMapper {

    /** A 503 tells clients when to try again: the circuit breaker's delay, so a retry does not meet it still open. */
    static final String RETRY_AFTER_SECONDS = "2";

    @ServerExceptionMapper
    Response domain(BookingException e, HttpHeaders headers, UriInfo uri) {
        Response problem = problem(e.code(), e.detail(), e.conflicts(), headers, uri);
        if (e.salesWindow().isEmpty()) {
            return problem;
        }
        return Response.fromResponse(problem).entity(((Problem) problem.getEntity())
                .withSalesWindow(e.salesWindow().get().opensAt(), e.salesWindow().get().closesAt())).build();
    }

    /** Signed in, but not an operator, on the operator API. */
    @ServerExceptionMapper
    Response forbidden(io.quarkus.security.ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        return problem(ErrorCode.OPERATOR_ONLY, null, List.of(), headers, uri);
    }

    /** Timed out, circuit open, connection refused, or a 5xx: seat-lock cannot vouch for the hold now. */
    @ServerExceptionMapper({ FaultToleranceException.class, SeatLockUnavailableException.class, ProcessingException.class })
    Response seatLockUnavailable(Throwable e, HttpHeaders headers, UriInfo uri) {
        Log.warnf("seat-lock unavailable: %s", e.toString());
        return problem(ErrorCode.SEAT_LOCK_UNAVAILABLE, null, List.of(), headers, uri);
    }

    @ServerExceptionMapper({ PersistenceException.class, java.sql.SQLException.class })
    Response database(Throwable e, HttpHeaders headers, UriInfo uri) {
        BookingException translated = DatabaseFailures.translate(e);
        if (translated == null || translated.code() == ErrorCode.INTERNAL_ERROR) {
            return unexpected(e, headers, uri);
        }
        Log.warnf("Database failure: %s", e.toString());
        return problem(translated.code(), null, List.of(), headers, uri);
    }

    @ServerExceptionMapper
    Response mismatchedInput(MismatchedInputException e, HttpHeaders headers, UriInfo uri) {
        return problem(ErrorCode.INVALID_FIELD, fieldPath(e), List.of(), headers, uri);
    }

    @ServerExceptionMapper
    Response malformedJson(JsonProcessingException e, HttpHeaders headers, UriInfo uri) {
        return problem(ErrorCode.MALFORMED_JSON, null, List.of(), headers, uri);
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    Response unauthenticated(HttpHeaders headers, UriInfo uri) {
        return Response.fromResponse(problem(ErrorCode.UNAUTHENTICATED, null, List.of(), headers, uri))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    Response notFound(NotFoundException e, HttpHeaders headers, UriInfo uri) {
        return problem(ErrorCode.NOT_FOUND, null, List.of(), headers, uri);
    }

    @ServerExceptionMapper
    Response notAllowed(NotAllowedException e, HttpHeaders headers, UriInfo uri) {
        return problem(ErrorCode.METHOD_NOT_ALLOWED, null, List.of(), headers, uri);
    }

    @ServerExceptionMapper
    Response unsupportedMediaType(NotSupportedException e, HttpHeaders headers, UriInfo uri) {
        return problem(ErrorCode.UNSUPPORTED_MEDIA_TYPE, null, List.of(), headers, uri);
    }

    @ServerExceptionMapper
    Response webApplication(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json instanceof MismatchedInputException mismatch ? mismatchedInput(mismatch, headers, uri)
                    : malformedJson(json, headers, uri);
        }
        if (e.getResponse().getStatus() == 400) {
            return problem(ErrorCode.MALFORMED_JSON, null, List.of(), headers, uri);
        }
        Log.warnf("Unmapped HTTP error %d: %s", e.getResponse().getStatus(), e.getMessage());
        return problem(ErrorCode.INTERNAL_ERROR, null, List.of(), headers, uri);
    }

    @ServerExceptionMapper
    Response unexpected(Throwable e, HttpHeaders headers, UriInfo uri) {
        BookingException translated = DatabaseFailures.translate(e);
        if (translated != null && translated.code() != ErrorCode.INTERNAL_ERROR) {
            return problem(translated.code(), null, List.of(), headers, uri);
        }
        Log.error("Unexpected failure", e);
        return problem(ErrorCode.INTERNAL_ERROR, null, List.of(), headers, uri);
    }

    private static Response problem(ErrorCode code, String detail, List<SeatConflict> conflicts, HttpHeaders headers,
            UriInfo uri) {
        boolean english = Problem.prefersEnglish(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        Response.ResponseBuilder response = Response.status(code.status()).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(code, detail, conflicts, english, uri.getPath()));
        if (code.status() == 503) {
            response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return response.build();
    }

    private static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }
}
