package io.ticketing.seatlock.rest;

import java.time.Duration;
import java.time.Instant;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.ticketing.platform.CurrentUser;
import io.ticketing.seatlock.hold.SeatLockService;
import io.ticketing.seatlock.rest.Requests.AbortRequest;
import io.ticketing.seatlock.rest.Requests.CancelBookingRequest;
import io.ticketing.seatlock.rest.Requests.ClaimRequest;
import io.ticketing.seatlock.rest.Requests.ConfirmRequest;
import io.ticketing.seatlock.rest.Responses.ClaimResponse;
import io.ticketing.seatlock.rest.Responses.CountResponse;

/**
 * The operations booking-service needs to turn a hold into a sale: claim, confirm, abort, cancel.
 * Not routed by the gateway; callers need the user's JWT (whose seats) and the service key (who may:
 * {@code ServiceKeyFilter}).
 */
@Path("/internal/v1/seats")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Internal: booking claims")
public class InternalClaimResource {

    private final SeatLockService service;
    private final RequestValidator validate;
    private final CurrentUser user;

    InternalClaimResource(SeatLockService service, RequestValidator validate, CurrentUser user) {
        this.service = service;
        this.validate = validate;
        this.user = user;
    }

    @POST
    @Path("/claims")
    @Operation(summary = "Turn the caller's hold, or free seats, into a booking claim; all or none")
    public Uni<ClaimResponse> claim(ClaimRequest request) {
        validate.body(request);
        long scheduleId = validate.positiveId(request.scheduleId(), "schedule_id");
        var seats = validate.seats(request.seats());
        String origin = request.lockToken() == null ? null : validate.token(request.lockToken(), "lock_token");
        String claimToken = request.claimToken() == null ? null : validate.token(request.claimToken(), "claim_token");
        String attempt = request.attempt() == null ? null : validate.token(request.attempt(), "attempt");
        // ttl_millis is what is left of the claim, not the configured TTL: a repeated claim returns one
        // made earlier, and booking must not plan its commit on time the claim no longer has.
        return service.claim(user.id(), scheduleId, origin, claimToken, attempt, seats).map(claim -> new ClaimResponse(claim.token(),
                scheduleId, claim.seats(), claim.expiresAt(),
                Math.max(0, Duration.between(Instant.now(), claim.expiresAt()).toMillis()), claim.fencingToken()));
    }

    @POST
    @Path("/claims/confirm")
    @Operation(summary = "The booking committed: mark the claimed seats sold")
    public Uni<CountResponse> confirm(ConfirmRequest request) {
        validate.body(request);
        long scheduleId = validate.positiveId(request.scheduleId(), "schedule_id");
        String claim = validate.token(request.claimToken(), "claim_token");
        long bookingId = validate.positiveId(request.bookingId(), "booking_id");
        var seats = validate.seats(request.seats());
        return service.confirm(user.id(), scheduleId, claim, bookingId, seats, request.soldUntil())
                .map(count -> new CountResponse(scheduleId, count));
    }

    @POST
    @Path("/claims/abort")
    @Operation(summary = "A booking attempt failed: give up its part in the claim; the last one gives the claim back")
    public Uni<CountResponse> abort(AbortRequest request) {
        validate.body(request);
        long scheduleId = validate.positiveId(request.scheduleId(), "schedule_id");
        String claim = validate.token(request.claimToken(), "claim_token");
        String attempt = request.attempt() == null ? null : validate.token(request.attempt(), "attempt");
        return service.abort(user.id(), scheduleId, claim, attempt).map(count -> new CountResponse(scheduleId, count));
    }

    @POST
    @Path("/bookings/cancel")
    @Operation(summary = "A booking was cancelled: free the seats it had marked sold")
    public Uni<CountResponse> cancel(CancelBookingRequest request) {
        validate.body(request);
        long scheduleId = validate.positiveId(request.scheduleId(), "schedule_id");
        long bookingId = validate.positiveId(request.bookingId(), "booking_id");
        var seats = validate.seats(request.seats());
        return service.cancel(user.id(), scheduleId, bookingId, seats).map(count -> new CountResponse(scheduleId, count));
    }
}
