package io.ticketing.booking.rest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.ticketing.booking.catalogue.Catalogue;
import io.ticketing.booking.catalogue.CatalogueReads;
import io.ticketing.booking.catalogue.SeatChange;
import io.ticketing.booking.catalogue.SeatMapPlan;
import io.ticketing.booking.error.BookingException;
import io.ticketing.booking.error.ErrorCode;
import io.ticketing.booking.model.SeatRef;
import io.ticketing.booking.rest.OperatorBodies.OperatorEventList;
import io.ticketing.booking.rest.OperatorBodies.EventRequest;
import io.ticketing.booking.rest.OperatorBodies.EventView;
import io.ticketing.booking.rest.OperatorBodies.OperatorEventDetails;
import io.ticketing.booking.rest.OperatorBodies.ScheduleRequest;
import io.ticketing.booking.rest.OperatorBodies.ScheduleView;
import io.ticketing.booking.rest.OperatorBodies.SeatChangeRequest;
import io.ticketing.booking.rest.OperatorBodies.SeatChangesRequest;
import io.ticketing.booking.rest.OperatorBodies.SeatMapChanged;
import io.ticketing.booking.rest.OperatorBodies.SeatMapRequest;
import io.ticketing.booking.rest.OperatorBodies.SeatsChanged;
import io.ticketing.platform.CommonError;

/**
 * The operator API: events, their schedules with sales windows, and seat maps. Only for tokens whose
 * {@code groups} claim holds {@code operator} (403 OPERATOR_ONLY otherwise). Routed by the gateway
 * like the rest of {@code /api/v1/tickets}.
 */
@Path("/api/v1/tickets/admin")
@RolesAllowed(OperatorResource.ROLE)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operators: events, schedules and seat maps")
@SecurityRequirement(name = "jwt")
public class OperatorResource {

    static final String ROLE = "operator";
    public static final String PATH = "/api/v1/tickets/admin";

    private final Catalogue catalogue;
    private final CatalogueReads events;

    OperatorResource(Catalogue catalogue, CatalogueReads events) {
        this.catalogue = catalogue;
        this.events = events;
    }

    @POST
    @Path("/events")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an event (title, venue)")
    public Response createEvent(EventRequest request) {
        EventRequest body = body(request);
        EventView event = EventView.of(catalogue.createEvent(body.title(), body.venue()));
        return created("/api/v1/tickets/admin/events/" + event.eventId()).entity(event).build();
    }

    @GET
    @Path("/events")
    @Operation(summary = "List events")
    public OperatorEventList listEvents() {
        return new OperatorEventList(events.all().stream().map(EventView::of).toList());
    }

    @GET
    @Path("/events/{event_id}")
    @Operation(summary = "An event with its schedules and their sales windows")
    public OperatorEventDetails event(@PathParam("event_id") long eventId) {
        var found = events.get(eventId);
        return new OperatorEventDetails(found.event().id, found.event().title, found.event().venue,
                found.schedules().stream().map(schedule -> ScheduleView.of(schedule, null)).toList());
    }

    @PUT
    @Path("/events/{event_id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change an event's title and venue")
    public EventView updateEvent(@PathParam("event_id") long eventId, EventRequest request) {
        EventRequest body = body(request);
        return EventView.of(catalogue.updateEvent(eventId, body.title(), body.venue()));
    }

    @POST
    @Path("/events/{event_id}/schedules")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a schedule (performance) with its sales window",
            description = "sales_close_at defaults to starts_at. The schedule has no seats until its seat map is defined.")
    public Response createSchedule(@PathParam("event_id") long eventId, ScheduleRequest request) {
        ScheduleRequest body = body(request);
        var created = catalogue.createSchedule(eventId, instant(body.startsAt()), instant(body.salesOpenAt()),
                instant(body.salesCloseAt()));
        return created("/api/v1/tickets/admin/schedules/" + created.value().id)
                .entity(ScheduleView.of(created.value(), created.published())).build();
    }

    @PATCH
    @Path("/schedules/{schedule_id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move a schedule or its sales window (fields left out stay as they are)")
    public ScheduleView updateSchedule(@PathParam("schedule_id") long scheduleId, ScheduleRequest request) {
        ScheduleRequest body = body(request);
        var changed = catalogue.updateSchedule(scheduleId, instant(body.startsAt()), instant(body.salesOpenAt()),
                instant(body.salesCloseAt()));
        return ScheduleView.of(changed.value(), changed.published());
    }

    @PUT
    @Path("/schedules/{schedule_id}/seat-map")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Define a schedule's whole seat map: sections of row ranges, or a copy of another schedule's",
            description = "Only before sales open (or while the schedule has no seats) and while no booking names its seats "
                    + "(409 SEAT_MAP_LOCKED).")
    public SeatMapChanged defineSeatMap(@PathParam("schedule_id") long scheduleId, SeatMapRequest request) {
        SeatMapRequest body = body(request);
        if (body.copyFromScheduleId() != null && body.sections() != null) {
            throw new BookingException(CommonError.INVALID_FIELD, "sections, copy_from_schedule_id (one or the other)");
        }
        if (body.copyFromScheduleId() != null && body.copyFromScheduleId() == scheduleId) {
            throw new BookingException(CommonError.INVALID_FIELD, "copy_from_schedule_id (another schedule's)");
        }
        var changed = body.copyFromScheduleId() != null ? catalogue.copySeatMap(scheduleId, body.copyFromScheduleId())
                : catalogue.defineSeatMap(scheduleId, body.sections());
        return new SeatMapChanged(scheduleId, changed.value(), changed.published());
    }

    @PATCH
    @Path("/schedules/{schedule_id}/seats")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change seats' grades or prices, or withdraw them (on_sale false)",
            description = "A seat held, claimed or booked is never changed: 409 SEATS_IN_USE, and nothing changes.")
    public SeatsChanged changeSeats(@PathParam("schedule_id") long scheduleId, SeatChangesRequest request) {
        SeatChangesRequest body = body(request);
        if (body.seats() == null) {
            throw new BookingException(CommonError.MISSING_FIELD, "seats");
        }
        List<SeatChange> changes = new ArrayList<>();
        for (int i = 0; i < body.seats().size(); i++) {
            SeatChangeRequest seat = body.seats().get(i);
            String field = "seats[" + i + "]";
            if (seat == null) {
                throw new BookingException(CommonError.MISSING_FIELD, field);
            }
            String row = SeatMapPlan.checkedRow(seat.row(), field + ".row");
            if (seat.number() == null) {
                throw new BookingException(CommonError.MISSING_FIELD, field + ".number");
            }
            if (seat.number() < 1 || seat.number() > SeatMapPlan.MAX_SEAT_NUMBER) {
                throw new BookingException(ErrorCode.INVALID_SEAT_NUMBER, row + "-" + seat.number() + "번");
            }
            changes.add(new SeatChange(new SeatRef(row, seat.number()),
                    seat.grade() == null ? null : SeatMapPlan.checkedGrade(seat.grade(), field + ".grade"),
                    seat.price() == null ? null : SeatMapPlan.checkedPrice(seat.price(), field + ".price"), seat.onSale()));
        }
        var changed = catalogue.changeSeats(scheduleId, changes);
        return new SeatsChanged(scheduleId, changed.value(), changed.published());
    }

    private static <T> T body(T body) {
        if (body == null) {
            throw new BookingException(CommonError.MISSING_FIELD, "body");
        }
        return body;
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    /** 201 with a relative Location, as for bookings: never built from the client's Host header. */
    private static Response.ResponseBuilder created(String path) {
        return Response.status(Response.Status.CREATED).header(HttpHeaders.LOCATION, path);
    }
}
