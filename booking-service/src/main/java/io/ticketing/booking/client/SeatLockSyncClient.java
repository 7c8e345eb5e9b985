package io.ticketing.booking.client;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.ticketing.booking.client.SeatLockDtos.PublishAnswer;
import io.ticketing.booking.client.SeatLockDtos.PublishSeatMap;
import io.ticketing.booking.client.SeatLockDtos.ScheduleIds;
import io.ticketing.booking.client.SeatLockDtos.SeatMapVersion;
import io.ticketing.booking.client.SeatLockDtos.SoldSeatsAnswer;
import io.ticketing.booking.client.SeatLockDtos.SoldSeatsRequest;
import io.ticketing.booking.client.SeatLockDtos.StagedSeats;
import io.ticketing.booking.config.BookingConfig;

/**
 * What booking tells seat-lock on its own behalf, in the background: each schedule's sales window
 * and seat map, and the sold seats seat-lock lost. Every call carries the service key; anything but
 * 2xx throws, and the caller's next round tries again.
 */
@ApplicationScoped
public class SeatLockSyncClient {

    private final SeatLockReconciliationApi api;
    private final String serviceKey;

    SeatLockSyncClient(@RestClient SeatLockReconciliationApi api, BookingConfig config) {
        this.api = api;
        this.serviceKey = config.seatLockServiceKey().orElse("");
    }

    /** A page of a seat map, kept at seat-lock under {@code request.staging()} until it is published. */
    public int stage(StagedSeats request) {
        return api.stage(serviceKey, request).staged();
    }

    /** A schedule's window with its staged seat map, installed whole if it is newer than what seat-lock has. */
    public PublishAnswer publish(PublishSeatMap request) {
        return api.publish(serviceKey, request);
    }

    /** The version of each schedule's seat map at seat-lock (null: none). */
    public List<SeatMapVersion> versions(List<Long> scheduleIds) {
        return api.versions(serviceKey, new ScheduleIds(scheduleIds)).versions();
    }

    /** Every schedule not closed is published: seat-lock may answer 404 for a schedule it does not know. */
    public void complete() {
        api.complete(serviceKey);
    }

    /** The schedules among these whose sold markers seat-lock lost (Redis came back empty, say). */
    public List<Long> incomplete(List<Long> scheduleIds) {
        return api.incomplete(serviceKey, new ScheduleIds(scheduleIds)).scheduleIds();
    }

    /** Marks these bookings' seats sold again (a page of a schedule's rebuild, if the request says so). */
    public SoldSeatsAnswer restoreSold(SoldSeatsRequest request) {
        return api.restoreSold(serviceKey, request);
    }
}
