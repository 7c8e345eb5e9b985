package io.ticketing.seatlock.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Multi;
import io.ticketing.seatlock.service.SeatStreamEvent;
import io.ticketing.seatlock.service.SeatFeeds;

/**
 * The live seat map, as Server-Sent Events. Open to everyone, as a hall's seat map on a ticket site
 * is: it says which seats are AVAILABLE, HELD or BOOKED, never by whom. The first event is a
 * {@code snapshot} of every seat, then each {@code seats} event carries the seats that changed; each
 * event's id lets a client that reconnects ({@code Last-Event-ID}, which browsers send themselves)
 * carry on without a gap, or start over from a fresh snapshot.
 */
@Path("/api/v1/tickets/schedules/{schedule_id}/seats/stream")
@Tag(name = "Live seat map")
public class SeatStreamResource {

    private final SeatFeeds feeds;
    private final RequestValidator validate;

    SeatStreamResource(SeatFeeds feeds, RequestValidator validate) {
        this.feeds = feeds;
        this.validate = validate;
    }

    @GET
    @SeatStreamReadiness.FeedLoadedFirst
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "The seats of a schedule, live: a snapshot, then every change")
    public Multi<OutboundSseEvent> stream(@PathParam("schedule_id") String scheduleIdParam,
            @HeaderParam("Last-Event-ID") String lastEventId, @Context Sse sse) {
        long scheduleId = validate.positiveId(scheduleIdOf(scheduleIdParam), "schedule_id");
        return feeds.stream(scheduleId, lastEventId).map(event -> toSse(sse, event));
    }

    /** The path's schedule id, or -1 for anything that is not a number (refused as INVALID_FIELD). */
    static long scheduleIdOf(String value) {
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException notANumber) {
            return -1L;
        }
    }

    private static OutboundSseEvent toSse(Sse sse, SeatStreamEvent event) {
        if (event.keepAlive()) {
            return sse.newEventBuilder().comment("keep-alive").build();
        }
        return sse.newEventBuilder().id(event.id()).name(event.name()).mediaType(MediaType.TEXT_PLAIN_TYPE)
                .data(String.class, event.data()).build();
    }
}
