package io.ticketing.booking.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import io.ticketing.booking.booking.Caller;
import io.ticketing.booking.catalogue.CatalogueReads;
import io.ticketing.booking.catalogue.SeatMapService;
import io.ticketing.booking.rest.Responses.EventDetails;
import io.ticketing.booking.rest.Responses.EventSummaries;
import io.ticketing.booking.rest.Responses.EventSummary;
import io.ticketing.booking.rest.Responses.SeatMapView;
import io.ticketing.platform.CurrentUser;

/** Events, their schedules, and a schedule's seat map. */
@Path("/api/v1/tickets")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Events and seat maps")
@SecurityRequirement(name = "jwt")
public class EventResource {

    private final CatalogueReads catalog;
    private final SeatMapService seatMaps;
    private final CurrentUser user;

    EventResource(CatalogueReads catalog, SeatMapService seatMaps, CurrentUser user) {
        this.catalog = catalog;
        this.seatMaps = seatMaps;
        this.user = user;
    }

    @GET
    @Path("/events")
    public EventSummaries events() {
        return new EventSummaries(catalog.all().stream().map(EventSummary::of).toList());
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
        return SeatMapView.of(seatMaps.seatMap(Caller.of(user), scheduleId));
    }
}
