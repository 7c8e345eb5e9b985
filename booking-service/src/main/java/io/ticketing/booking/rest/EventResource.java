package io.ticketing.booking.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import io.ticketing.booking.rest.Responses.EventDetails;
import io.ticketing.booking.rest.Responses.EventList;
import io.ticketing.booking.rest.Responses.EventSummary;
import io.ticketing.booking.rest.Responses.SeatMapView;
import io.ticketing.booking.service.EventCatalog;
import io.ticketing.booking.service.SeatMapService;

/** Events, their schedules, and a schedule's seat map. */
@Path("/api/v1/tickets")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Events and seat maps")
@SecurityRequirement(name = "jwt")
public class EventResource {

    private final EventCatalog catalog;
    private final SeatMapService seatMaps;
    private final CurrentUser user;

    EventResource(EventCatalog catalog, SeatMapService seatMaps, CurrentUser user) {
        this.catalog = catalog;
        this.seatMaps = seatMaps;
        this.user = user;
    }

    @GET
    @Path("/events")
    public EventList events() {
        return new EventList(catalog.all().stream().map(EventSummary::of).toList());
    }

    @GET
    @Path("/events/{event_id}")
    public EventDetails event(@PathParam("event_id") long eventId) {
        return EventDetails.of(catalog.get(eventId));
    }

    @GET
    @Path("/schedules/{schedule_id}/seats")
    public SeatMapView seatMap(@PathParam("schedule_id") long scheduleId) {
        user.id(); // refuses a token without a usable subject before seat-lock is asked about it
        return SeatMapView.of(seatMaps.seatMap(user.caller(), scheduleId));
    }
}
