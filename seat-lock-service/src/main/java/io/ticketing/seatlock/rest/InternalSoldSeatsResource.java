package io.ticketing.seatlock.rest;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.ticketing.platform.CommonError;
import io.ticketing.seatlock.error.ErrorCode;
import io.ticketing.seatlock.error.SeatLockException;
import io.ticketing.seatlock.rest.Requests.ScheduleIdsRequest;
import io.ticketing.seatlock.rest.Requests.SoldBookingRequest;
import io.ticketing.seatlock.rest.Requests.SoldSeatsRequest;
import io.ticketing.seatlock.rest.Responses.ScheduleIdsResponse;
import io.ticketing.seatlock.rest.Responses.SoldSeatsResponse;
import io.ticketing.seatlock.sale.SoldBooking;
import io.ticketing.seatlock.sale.SoldMarkers;

/**
 * booking-service's reconciliation of sold markers ({@link SoldMarkers}): which schedules Redis
 * lost them for, and the bookings to mark sold again. booking acts for itself here, not for a user:
 * the service key alone ({@code ServiceKeyFilter}), no bearer token. Not routed by the gateway.
 */
@Path("/internal/v1/sold-seats")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Internal: sold-marker reconciliation")
public class InternalSoldSeatsResource {

    /** Seats in one page: one Lua script call, kept short so it does not stall Redis for others. */
    static final int MAX_SEATS_PER_PAGE = 200;
    static final int MAX_SCHEDULES_PER_CHECK = 1_000;
    static final int MAX_USER_ID_LENGTH = 255;

    private final SoldMarkers soldMarkers;
    private final RequestValidator validate;

    InternalSoldSeatsResource(SoldMarkers soldMarkers, RequestValidator validate) {
        this.soldMarkers = soldMarkers;
        this.validate = validate;
    }

    @POST
    @Path("/incomplete")
    @Operation(summary = "Of these schedules, those whose sold markers Redis does not have whole")
    public Uni<ScheduleIdsResponse> incomplete(ScheduleIdsRequest request) {
        List<Long> ids = validate.scheduleIds(validate.body(request).scheduleIds(), MAX_SCHEDULES_PER_CHECK);
        return soldMarkers.incomplete(ids).map(ScheduleIdsResponse::new);
    }

    @POST
    @Operation(summary = "Mark these bookings' seats sold again (a page of a schedule's rebuild, if 'rebuild' is given)")
    public Uni<SoldSeatsResponse> restore(SoldSeatsRequest request) {
        validate.body(request);
        long scheduleId = validate.positiveId(request.scheduleId(), "schedule_id");
        if (request.bookings() == null) {
            throw new SeatLockException(CommonError.MISSING_FIELD, "bookings");
        }
        List<SoldBooking> bookings = new ArrayList<>();
        int seats = 0;
        for (SoldBookingRequest booking : request.bookings()) {
            if (booking == null) {
                throw new SeatLockException(CommonError.MISSING_FIELD, "bookings[]");
            }
            long bookingId = validate.positiveId(booking.bookingId(), "booking_id");
            String owner = booking.userId();
            if (owner == null || owner.isBlank() || owner.length() > MAX_USER_ID_LENGTH) {
                throw new SeatLockException(owner == null ? CommonError.MISSING_FIELD : CommonError.INVALID_FIELD, "user_id");
            }
            var bookingSeats = validate.seats(booking.seats());
            seats += bookingSeats.size();
            if (seats > MAX_SEATS_PER_PAGE) {
                throw new SeatLockException(ErrorCode.TOO_MANY_SEATS, Integer.toString(MAX_SEATS_PER_PAGE));
            }
            bookings.add(new SoldBooking(owner, bookingId, bookingSeats));
        }
        SoldMarkers.Rebuild rebuild = request.rebuild() == null ? null
                : new SoldMarkers.Rebuild(validate.token(request.rebuild().lease(), "rebuild.lease"), request.rebuild().first(),
                        request.rebuild().last());
        return soldMarkers.restore(scheduleId, rebuild, request.soldUntil(), bookings).map(outcome -> new SoldSeatsResponse(
                scheduleId, outcome.marked(), outcome.refusal() == SoldMarkers.Refusal.NONE ? null : outcome.refusal().name()));
    }
}
