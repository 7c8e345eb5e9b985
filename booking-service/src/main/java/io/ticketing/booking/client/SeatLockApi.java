package io.ticketing.booking.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.logging.Log;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.ticketing.booking.client.SeatLockDtos.AbortRequest;
import io.ticketing.booking.client.SeatLockDtos.CancelRequest;
import io.ticketing.booking.client.SeatLockDtos.Claim;
import io.ticketing.booking.client.SeatLockDtos.ClaimRequest;
import io.ticketing.booking.client.SeatLockDtos.ConfirmRequest;
import io.ticketing.booking.client.SeatLockDtos.HeldSeats;
import io.ticketing.booking.client.SeatLockDtos.Problem;
import io.ticketing.booking.client.SeatLockDtos.SeatCount;
import io.ticketing.booking.error.BookingException;
import io.ticketing.booking.error.ErrorCode;
import io.ticketing.platform.CommonError;

/**
 * seat-lock-service over HTTP. Each call carries the user's own bearer token (whose seats) and,
 * for the internal API, the service key (who may). Use it through {@link SeatLockClient}.
 */
@RegisterRestClient(configKey = "seat-lock")
@RegisterClientHeaders(RequestIdHeaders.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface SeatLockApi {

    String SERVICE_KEY = "X-Service-Key";

    @POST
    @Path("/internal/v1/seats/claims")
    Claim claim(@HeaderParam("Authorization") String bearer, @HeaderParam(SERVICE_KEY) String serviceKey,
            ClaimRequest request);

    @POST
    @Path("/internal/v1/seats/claims/confirm")
    SeatCount confirm(@HeaderParam("Authorization") String bearer, @HeaderParam(SERVICE_KEY) String serviceKey,
            ConfirmRequest request);

    @POST
    @Path("/internal/v1/seats/claims/abort")
    SeatCount abort(@HeaderParam("Authorization") String bearer, @HeaderParam(SERVICE_KEY) String serviceKey,
            AbortRequest request);

    @POST
    @Path("/internal/v1/seats/bookings/cancel")
    SeatCount cancel(@HeaderParam("Authorization") String bearer, @HeaderParam(SERVICE_KEY) String serviceKey,
            CancelRequest request);

    @GET
    @Path("/api/v1/tickets/seats")
    HeldSeats held(@HeaderParam("Authorization") String bearer, @QueryParam("schedule_id") long scheduleId);

    /**
     * The client throws on every non-2xx answer, even for methods returning Response. Expected
     * answers (a seat taken, a hold expired) become domain errors here, which the circuit breaker
     * ignores; anything else means seat-lock is not usable right now.
     */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        int status = response.getStatus();
        if (status == 401) {
            return new BookingException(CommonError.UNAUTHENTICATED);
        }
        if (status == 403 || status == 404 || status == 409 || status == 410) {
            return refusal(status, response.readEntity(Problem.class));
        }
        return new SeatLockUnavailableException("seat-lock answered " + status);
    }

    /**
     * A refusal seat-lock explained: the caller's answer, for every code the internal API's contract
     * (contracts/seat-lock-internal-api.json) lets seat-lock give; anything else is a misconfiguration
     * (a wrong service key) and means seat-lock is not usable.
     */
    static RuntimeException refusal(int status, Problem problem) {
        ErrorCode code = switch (String.valueOf(problem.code())) {
            case "SEAT_ALREADY_LOCKED" -> ErrorCode.SEAT_ALREADY_LOCKED;
            case "SEAT_ALREADY_BOOKED" -> ErrorCode.SEAT_ALREADY_BOOKED;
            case "LOCK_EXPIRED" -> ErrorCode.LOCK_EXPIRED;
            case "NOT_LOCK_OWNER" -> ErrorCode.NOT_LOCK_OWNER;
            case "SEAT_LIMIT_REACHED" -> ErrorCode.SEAT_LIMIT_REACHED;
            // Free seats are claimed only inside the sales window and the seat map booking published.
            case "SCHEDULE_NOT_FOUND" -> ErrorCode.SCHEDULE_NOT_FOUND;
            case "SEAT_NOT_FOUND" -> ErrorCode.SEAT_NOT_FOUND;
            case "SALES_NOT_OPEN", "SALES_CLOSED" -> null;
            // The claim token comes from the Idempotency-Key and the body: taken for other seats, the
            // key was used for another request.
            case "CLAIM_TOKEN_REUSED" -> ErrorCode.IDEMPOTENCY_KEY_REUSED;
            default -> null;
        };
        if (code != null) {
            return new BookingException(code, null, problem.conflictingSeats());
        }
        if ("SALES_NOT_OPEN".equals(problem.code()) || "SALES_CLOSED".equals(problem.code())) {
            return BookingException.outsideSales(ErrorCode.valueOf(problem.code()), problem.salesOpenAt(), problem.salesCloseAt());
        }
        Log.errorf("seat-lock refused booking-service with %d %s: check the service key", status, problem.code());
        return new SeatLockUnavailableException("seat-lock answered " + status);
    }
}
