package io.ticketing.seatlock.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.ticketing.platform.CurrentUser;
import io.ticketing.seatlock.hold.SeatLockService;
import io.ticketing.seatlock.rest.Requests.ExtendRequest;
import io.ticketing.seatlock.rest.Requests.LockRequest;
import io.ticketing.seatlock.rest.Requests.ReleaseRequest;
import io.ticketing.seatlock.rest.Requests.VerifyRequest;
import io.ticketing.seatlock.rest.Responses.ExtendResponse;
import io.ticketing.seatlock.rest.Responses.HeldSeatsResponse;
import io.ticketing.seatlock.rest.Responses.LockResponse;
import io.ticketing.seatlock.rest.Responses.ReleaseResponse;
import io.ticketing.seatlock.rest.Responses.VerifyResponse;

/** The public seat-hold API. Every call needs a bearer JWT; its {@code sub} is the user. */
@Path("/api/v1/tickets/seats")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Seat holds")
@SecurityRequirement(name = "jwt")
public class SeatLockResource {

    private final SeatLockService service;
    private final RequestValidator validate;
    private final CurrentUser user;

    SeatLockResource(SeatLockService service, RequestValidator validate, CurrentUser user) {
        this.service = service;
        this.validate = validate;
        this.user = user;
    }

    @POST
    @Path("/lock")
    @Operation(summary = "Hold all of the seats, or none", description = "409 SEAT_ALREADY_LOCKED lists the seats someone else holds.")
    public Uni<LockResponse> lock(LockRequest request) {
        validate.body(request);
        validate.optionalPositiveId(request.eventId(), "event_id");
        long scheduleId = validate.positiveId(request.scheduleId(), "schedule_id");
        var seats = validate.seats(request.seats());
        return service.lock(user.id(), scheduleId, seats).map(LockResponse::of);
    }

    @POST
    @Path("/verify")
    @Operation(summary = "Check which of the seats this token still holds")
    public Uni<VerifyResponse> verify(VerifyRequest request) {
        validate.body(request);
        long scheduleId = validate.positiveId(request.scheduleId(), "schedule_id");
        var seats = validate.seats(request.seats());
        String token = validate.token(request.lockToken(), "lock_token");
        return service.verify(user.id(), scheduleId, token, seats)
                .map(result -> new VerifyResponse(result.valid(), result.seats(), result.expiresAt()));
    }

    @POST
    @Path("/extend")
    @Operation(summary = "Extend a hold by one hold time, up to the cap on total hold time")
    public Uni<ExtendResponse> extend(ExtendRequest request) {
        validate.body(request);
        long scheduleId = validate.positiveId(request.scheduleId(), "schedule_id");
        String token = validate.token(request.lockToken(), "lock_token");
        return service.extend(user.id(), scheduleId, token)
                .map(expiresAt -> new ExtendResponse(token, scheduleId, expiresAt));
    }

    @POST
    @Path("/release")
    @Operation(summary = "Release the named seats of a hold, or all of them")
    public Uni<ReleaseResponse> release(ReleaseRequest request) {
        validate.body(request);
        long scheduleId = validate.positiveId(request.scheduleId(), "schedule_id");
        String token = validate.token(request.lockToken(), "lock_token");
        var seats = validate.optionalSeats(request.seats());
        return service.release(user.id(), scheduleId, token, seats)
                .map(released -> new ReleaseResponse(token, scheduleId, released));
    }

    @GET
    @Operation(summary = "The seats of a schedule held right now")
    public Uni<HeldSeatsResponse> held(@QueryParam("schedule_id") Long scheduleIdParam) {
        long scheduleId = validate.positiveId(scheduleIdParam, "schedule_id");
        return service.held(user.id(), scheduleId).map(seats -> new HeldSeatsResponse(scheduleId, seats));
    }
}
