package io.ticketing.seatlock.hold;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.ticketing.seatlock.config.SeatLockConfig;
import io.ticketing.seatlock.model.Seat;
import io.ticketing.seatlock.redis.ScriptRunner;
import io.ticketing.seatlock.redis.SeatKeys;
import io.ticketing.seatlock.redis.SeatLockMetrics;

/**
 * The seats of a schedule held right now, with their holders: what every seat-map read asks. Read
 * page by page (list.lua), so that one read of a big hall never holds Redis up for the locks queued
 * behind it; and shared: every reader of a schedule within {@code seat-lock.seat-map-max-age} gets
 * the same read, so fifty seat-map pages polling one schedule cost Redis a few reads a second per
 * instance, not fifty. A seat map is a picture for people; locking never reads it.
 */
@ApplicationScoped
class HeldSeatsReader {

    /** Index entries per page: a page costs Redis about a tenth of a millisecond. */
    static final int PAGE = 256;

    private record Snapshot(long takenAtNanos, Uni<Map<Seat, String>> holders) {
    }

    private final ScriptRunner scripts;
    private final SeatLockMetrics metrics;
    private final long maxAgeNanos;
    private final Map<Long, Snapshot> snapshots = new ConcurrentHashMap<>();

    HeldSeatsReader(ScriptRunner scripts, SeatLockMetrics metrics, SeatLockConfig config) {
        this.scripts = scripts;
        this.metrics = metrics;
        this.maxAgeNanos = config.seatMapMaxAge().toNanos();
    }

    /** Each held seat of the schedule and who holds it (a booking's claim counts as held). */
    Uni<Map<Seat, String>> holders(long scheduleId) {
        if (maxAgeNanos <= 0) {
            return read(scheduleId);
        }
        long now = System.nanoTime();
        Snapshot snapshot = snapshots.compute(scheduleId, (id, old) -> old != null && now - old.takenAtNanos() < maxAgeNanos
                ? old : new Snapshot(now, read(id).memoize().indefinitely()));
        if (snapshots.size() > 1_000) {
            snapshots.values().removeIf(old -> now - old.takenAtNanos() >= maxAgeNanos);
        }
        // A failed read is not kept: the next reader tries again.
        return snapshot.holders().onFailure().invoke(() -> snapshots.remove(scheduleId, snapshot));
    }

    private Uni<Map<Seat, String>> read(long scheduleId) {
        return metrics.timed("list", page(scheduleId, "0", new HashMap<>()));
    }

    /** One page: SSCAN the index, then read that page's seats in one script that declares their keys. */
    private Uni<Map<Seat, String>> page(long scheduleId, String cursor, Map<Seat, String> holders) {
        return scripts.command("SSCAN", SeatKeys.index(scheduleId), cursor, "COUNT", Integer.toString(PAGE)).flatMap(scan -> {
            String next = scan.get(0).toString();
            List<String> members = new ArrayList<>();
            scan.get(1).forEach(member -> members.add(member.toString()));
            Uni<Map<Seat, String>> held = members.isEmpty() ? Uni.createFrom().item(Map.of())
                    : scripts.run(new ListPageCall(scheduleId, members));
            return held.flatMap(page -> {
                holders.putAll(page);
                return "0".equals(next) ? Uni.createFrom().item(holders) : page(scheduleId, next, holders);
            });
        });
    }
}
