package io.ticketing.booking.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.ticketing.booking.client.SeatLockDtos.PublishAnswer;
import io.ticketing.booking.client.SeatLockDtos.PublishSeatMap;
import io.ticketing.booking.client.SeatLockDtos.ScheduleIds;
import io.ticketing.booking.client.SeatLockDtos.SeatMapVersions;
import io.ticketing.booking.client.SeatLockDtos.SoldSeatsAnswer;
import io.ticketing.booking.client.SeatLockDtos.SoldSeatsRequest;
import io.ticketing.booking.client.SeatLockDtos.StagedAnswer;
import io.ticketing.booking.client.SeatLockDtos.StagedSeats;

/**
 * seat-lock-service's API for what booking tells it on its own behalf, with the service key alone:
 * the sold-marker reconciliation, and each schedule's sales window and seat map. A client of its own
 * (config key {@code seat-lock-reconciliation}, the same URL) because it runs in the background,
 * where a surge may slow seat-lock down: it may wait seconds, where a user's booking gives up after
 * 0.8 s. Anything but 2xx throws, and the next round tries again. Used only through
 * {@link SeatLockSyncClient}, which adds the key.
 */
@RegisterRestClient(configKey = "seat-lock-reconciliation")
@RegisterClientHeaders(RequestIdHeaders.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface SeatLockReconciliationApi {

    @POST
    @Path("/internal/v1/sold-seats/incomplete")
    ScheduleIds incomplete(@HeaderParam(SeatLockApi.SERVICE_KEY) String serviceKey, ScheduleIds request);

    @POST
    @Path("/internal/v1/seat-maps/staged")
    StagedAnswer stage(@HeaderParam(SeatLockApi.SERVICE_KEY) String serviceKey, StagedSeats request);

    @POST
    @Path("/internal/v1/seat-maps")
    PublishAnswer publish(@HeaderParam(SeatLockApi.SERVICE_KEY) String serviceKey, PublishSeatMap request);

    @POST
    @Path("/internal/v1/seat-maps/complete")
    void complete(@HeaderParam(SeatLockApi.SERVICE_KEY) String serviceKey);

    @POST
    @Path("/internal/v1/seat-maps/versions")
    SeatMapVersions versions(@HeaderParam(SeatLockApi.SERVICE_KEY) String serviceKey, ScheduleIds request);

    @POST
    @Path("/internal/v1/sold-seats")
    SoldSeatsAnswer restoreSold(@HeaderParam(SeatLockApi.SERVICE_KEY) String serviceKey, SoldSeatsRequest request);
}
