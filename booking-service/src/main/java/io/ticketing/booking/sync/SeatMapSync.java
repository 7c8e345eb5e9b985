package io.ticketing.booking.sync;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.ticketing.booking.client.SeatLockDtos.SeatMapVersion;
import io.ticketing.booking.client.SeatLockSyncClient;
import io.ticketing.booking.config.BookingConfig;

/**
 * Keeps seat-lock's sales windows and seat maps in step with this database, at start-up and every
 * {@code booking.seat-maps.check-every}: every schedule not yet closed whose version at seat-lock is
 * missing (Redis restarted empty, a cluster master replaced, or it was never published) or older
 * than the last one taken here (a publication that failed half-way) is published again. Every
 * replica runs it; publications are idempotent and versioned, so two replicas doing the same work
 * cost time, never correctness.
 */
@ApplicationScoped
public class SeatMapSync {

    static final int MAX_SCHEDULES = 1_000;

    private final PublishedSeatMaps rows;
    private final SeatMapPublisher publisher;
    private final SeatLockSyncClient seatLock;
    private final BookingConfig.SeatMaps config;

    SeatMapSync(PublishedSeatMaps rows, SeatMapPublisher publisher, SeatLockSyncClient seatLock, BookingConfig config) {
        this.rows = rows;
        this.publisher = publisher;
        this.seatLock = seatLock;
        this.config = config.seatMaps();
    }

    /** After the demo data (if any) is loaded, before the service reports ready. */
    void atStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) StartupEvent event) {
        if (config.publishAtStart()) {
            scheduled();
        }
    }

    @Scheduled(identity = "seat-maps", every = "${booking.seat-maps.check-every:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            sync();
        } catch (RuntimeException e) {
            // seat-lock or the database is down: the next round tries again.
            Log.warnf("Seat maps not checked against seat-lock (the next round tries again): %s", e.toString());
        }
    }

    /**
     * One round, over every schedule not yet closed in pages of {@value #MAX_SCHEDULES}; returns how
     * many schedules it published. A schedule whose publication fails does not stop the others. A
     * round in which every publication got through tells seat-lock that every schedule on sale is
     * published: from then on it answers a schedule it does not know with 404, not 503.
     */
    public synchronized int sync() {
        Instant now = Instant.now();
        int published = 0;
        int failed = 0;
        long after = 0;
        List<PublishedSeatMaps.Published> page;
        do {
            page = rows.notClosed(now, after, MAX_SCHEDULES);
            if (page.isEmpty()) {
                break;
            }
            Map<Long, Long> known = new HashMap<>();
            for (SeatMapVersion version : seatLock.versions(page.stream().map(PublishedSeatMaps.Published::scheduleId).toList())) {
                if (version.version() != null) {
                    known.put(version.scheduleId(), version.version());
                }
            }
            for (PublishedSeatMaps.Published schedule : page) {
                Long there = known.get(schedule.scheduleId());
                if (there != null && there >= schedule.version()) {
                    continue;
                }
                try {
                    publisher.publish(schedule.scheduleId());
                    published++;
                } catch (RuntimeException e) {
                    failed++;
                    Log.warnf("Schedule %d not published to seat-lock (the next round tries again): %s", schedule.scheduleId(),
                            e.toString());
                }
            }
            after = page.get(page.size() - 1).scheduleId();
        } while (page.size() == MAX_SCHEDULES);
        if (failed == 0) {
            seatLock.complete();
        }
        return published;
    }
}
