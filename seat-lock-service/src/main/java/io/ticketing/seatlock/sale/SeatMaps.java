package io.ticketing.seatlock.sale;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.ticketing.seatlock.model.Seat;
import io.ticketing.seatlock.redis.ScriptRunner;
import io.ticketing.seatlock.redis.SeatKeys;
import io.vertx.mutiny.redis.client.Response;

/**
 * What booking publishes so that seat-lock refuses, in the same script as the hold, a schedule it was
 * never told about, a hold outside the sales window, and a seat outside the seat map: a sale record
 * ({@link SeatKeys#sale}) and a seat map ({@link SeatKeys#seatMap}), both in the schedule's slot.
 * booking stages the seat map in pages ({@link #stage}), then publishes the window with it
 * ({@link #publish}); it publishes again whenever a schedule changes, and for every schedule whose
 * version here is missing or older ({@link #versions}), which refills an empty Redis.
 */
@ApplicationScoped
public class SeatMaps {

    /** What a publication did. */
    public enum Publication {
        /** The window and the seat map are installed, under the version given. */
        PUBLISHED,
        /** Nothing changed: an equal or newer version is there already. */
        STALE,
        /** Nothing changed: seats the map takes off sale are held, claimed or sold. */
        SEATS_IN_USE
    }

    /** The publication's outcome, with the version now there, or the off-sale seats in use. */
    public record Outcome(Publication publication, Long publishedVersion, List<Seat> seatsInUse) {
    }

    /** A staged seat map not published within this long is dropped by Redis. */
    static final Duration STAGING_KEPT = Duration.ofMinutes(5);
    private static final int MEMBERS_PER_SADD = 1_000;

    private final ScriptRunner scripts;

    SeatMaps(ScriptRunner scripts) {
        this.scripts = scripts;
    }

    /** Adds a page of seats to a staged seat map. */
    public Uni<Integer> stage(long scheduleId, String staging, List<Seat> seats) {
        String key = SeatKeys.stagedSeatMap(scheduleId, staging);
        List<Uni<Response>> adds = new ArrayList<>();
        for (int from = 0; from < seats.size(); from += MEMBERS_PER_SADD) {
            List<String> arguments = new ArrayList<>();
            arguments.add(key);
            seats.subList(from, Math.min(seats.size(), from + MEMBERS_PER_SADD)).forEach(seat -> arguments.add(seat.member()));
            adds.add(scripts.command("SADD", arguments.toArray(String[]::new)));
        }
        Uni<?> added = adds.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(adds).andFailFast();
        return added.flatMap(ignored -> scripts.command("PEXPIRE", key, Long.toString(STAGING_KEPT.toMillis())))
                .map(ignored -> seats.size());
    }

    /**
     * Installs the window and the staged seat map (none staged: an empty one), if newer than what is
     * there and if the staged map holds all {@code seats} (fails with 503 if pages were lost).
     */
    public Uni<Outcome> publish(long scheduleId, long version, Instant opensAt, Instant closesAt, Instant keepUntil,
            String staging, int seats, List<Seat> offSale) {
        return scripts.run(new PublishMapCall(scheduleId, version, opensAt, closesAt, keepUntil, staging, seats, offSale))
                .invoke(outcome -> Log.debugf("Seat map of schedule %d, version %d: %s%s", scheduleId, version, outcome.publication(),
                        outcome.seatsInUse().isEmpty() ? "" : " " + outcome.seatsInUse()));
    }

    /** booking has published every schedule on sale: from now on, an unknown schedule is unknown. */
    public Uni<Void> markComplete() {
        return scripts.command("SET", SeatKeys.salesComplete(), "1").replaceWithVoid();
    }

    /**
     * Whether booking's publications are complete ({@link #markComplete}); false after Redis lost its
     * data, until booking's next round.
     */
    public Uni<Boolean> complete() {
        return scripts.command("EXISTS", SeatKeys.salesComplete()).map(reply -> reply.toInteger() == 1);
    }

    /** Each schedule's published version, -1 where there is none (never published, or Redis lost it). */
    public Uni<List<Long>> versions(List<Long> scheduleIds) {
        if (scheduleIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        // One HGET per schedule: on a cluster each goes to the master of that schedule's slot.
        return Uni.join().all(scheduleIds.stream().map(id -> scripts.command("HGET", SeatKeys.sale(id), "version")
                .map(reply -> reply == null ? -1L : reply.toLong())).toList()).andFailFast();
    }
}
