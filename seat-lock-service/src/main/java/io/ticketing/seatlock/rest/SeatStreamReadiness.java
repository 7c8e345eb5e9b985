package io.ticketing.seatlock.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.smallrye.mutiny.Uni;
import io.ticketing.seatlock.service.SeatFeeds;

/**
 * Loads a schedule's live seat map before its stream answers: once a stream has answered 200 its
 * status cannot change, so an unknown schedule (404) or a Redis that does not answer (503) must be
 * found first, to be told as a problem document like every other error.
 */
class SeatStreamReadiness {

    /** Marks the resource methods whose schedule's feed must be loaded first. */
    @NameBinding
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ ElementType.TYPE, ElementType.METHOD })
    @interface FeedLoadedFirst {
    }

    private final SeatFeeds feeds;

    SeatStreamReadiness(SeatFeeds feeds) {
        this.feeds = feeds;
    }

    @ServerRequestFilter
    @FeedLoadedFirst
    Uni<Void> loadFeed(ContainerRequestContext request) {
        long scheduleId = SeatStreamResource.scheduleIdOf(request.getUriInfo().getPathParameters().getFirst("schedule_id"));
        // An id that is no id is the resource's to refuse (400).
        return scheduleId > 0 ? feeds.ready(scheduleId) : Uni.createFrom().voidItem();
    }
}
