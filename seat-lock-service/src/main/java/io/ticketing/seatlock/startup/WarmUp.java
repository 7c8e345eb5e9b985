package io.ticketing.seatlock.startup;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.ticketing.platform.SelfRequests;
import io.ticketing.platform.WarmUpState;
import io.ticketing.seatlock.config.SeatLockConfig;
import io.ticketing.seatlock.error.ErrorCode;
import io.ticketing.seatlock.error.SeatLockException;
import io.ticketing.seatlock.hold.Hold;
import io.ticketing.seatlock.hold.SeatLockService;
import io.ticketing.seatlock.model.Seat;
import io.ticketing.seatlock.redis.SeatKeys;
import io.ticketing.seatlock.sale.SeatMaps;

/**
 * Runs the hot paths once the service has started and before readiness says UP, so that the first
 * burst of a sale meets compiled code and open Redis connections instead of a cold JVM: every Lua
 * script (publishing a seat map, lock, conflict, verify, extend, list, claim, confirm, a lock on a sold
 * seat, cancel, release, abort), the JSON of holds, and the HTTP and JWT path of a request (see
 * {@link SelfRequests}).
 * <p>
 * Each instance works on a schedule of its own with a negative id, which request validation refuses,
 * so no real request can name its keys; it publishes that schedule's seat map itself, and deletes
 * every key it wrote. Bounded by
 * {@code seat-lock.warm-up.max-time}; a Redis that fails stops it at once (readiness then says why).
 */
@ApplicationScoped
class WarmUp {

    /** This service's own paths, each answered 401 for the warm-up's untrusted token: nothing is held. */
    private static final List<SelfRequests.Call> SELF_REQUESTS = List.of(
            new SelfRequests.Call("/api/v1/tickets/seats/lock",
                    "{\"event_id\":1,\"schedule_id\":1,\"seats\":[{\"row\":\"1열\",\"number\":1}]}"),
            new SelfRequests.Call("/api/v1/tickets/seats?schedule_id=1", null),
            new SelfRequests.Call("/internal/v1/seats/claims", "{\"schedule_id\":1,\"seats\":[{\"row\":\"1열\",\"number\":1}]}"),
            new SelfRequests.Call("/q/health/live", null));
    private static final int SEATS_PER_ROUND = 2;
    /** Seats of the warm-up's seat map: more than two seconds of rounds use. */
    private static final int SEATS = 4_000;
    /** The user the warm-up holds and books as. */
    private static final String OWNER = "warm-up";

    /** Validation refuses schedule ids below 1: this one belongs to this instance's warm-up alone. */
    private final long schedule = -1 - ThreadLocalRandom.current().nextLong(1L << 40);
    private final SeatLockService service;
    private final SeatMaps seatMaps;
    private final ReactiveRedisDataSource redis;
    private final SeatLockConfig config;
    private final ObjectMapper json;
    private final SelfRequests http;
    private final WarmUpState state;

    WarmUp(SeatLockService service, SeatMaps seatMaps, ReactiveRedisDataSource redis, SeatLockConfig config, ObjectMapper json,
            SelfRequests http, WarmUpState state) {
        this.service = service;
        this.seatMaps = seatMaps;
        this.redis = redis;
        this.config = config;
        this.json = json;
        this.http = http;
        this.state = state;
    }

    void start(@Observes StartupEvent event) {
        state.start(config.warmUp().enabled(), this::run);
    }

    private void run() {
        long started = System.nanoTime();
        long deadline = started + config.warmUp().maxTime().toNanos();
        String row = "warm-up";
        // Booking ids of this instance's rounds: each round's cancel leaves a cancellation record.
        long firstBooking = ThreadLocalRandom.current().nextLong(1L << 40);
        List<Seat> touched = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        int rounds = 0;
        String stoppedBy = null;
        try {
            publishSeatMap(row);
            while (System.nanoTime() < deadline) {
                List<Seat> seats = new ArrayList<>();
                for (int i = 1; i <= SEATS_PER_ROUND; i++) {
                    seats.add(new Seat(row, rounds * SEATS_PER_ROUND + i));
                }
                touched.addAll(seats);
                round(seats, tokens, firstBooking + rounds);
                rounds++;
                if (rounds % 20 == 1) {
                    http.send(SELF_REQUESTS);
                }
            }
        } catch (SeatLockException e) {
            stoppedBy = e.code().name();
        } catch (RuntimeException e) {
            stoppedBy = e.toString();
        } finally {
            String cleanup = cleanUp(touched, tokens, firstBooking, rounds + 1);
            Log.infof("Warm-up: %d rounds of lock, conflict, verify, extend, list, claim, confirm, cancel, release and "
                    + "abort on schedule %d, %d HTTP requests, in %d ms%s%s", rounds, schedule, http.sent(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis(),
                    stoppedBy == null ? "" : "; stopped early: " + stoppedBy, cleanup);
        }
    }

    private void publishSeatMap(String row) {
        List<Seat> seats = new ArrayList<>();
        for (int number = 1; number <= SEATS; number++) {
            seats.add(new Seat(row, number));
        }
        String staging = UUID.randomUUID().toString();
        await(seatMaps.stage(schedule, staging, seats));
        Instant now = Instant.now();
        await(seatMaps.publish(schedule, 1, now.minusSeconds(60), now.plusSeconds(3_600), now.plusSeconds(600), staging, SEATS, List.of()));
    }

    private void round(List<Seat> seats, List<String> tokens, long bookingId) {
        String owner = OWNER;
        Hold hold = await(service.lock(owner, schedule, seats));
        tokens.add(hold.token());
        expect(() -> await(service.lock("warm-up-rival", schedule, seats.subList(0, 1))), ErrorCode.SEAT_ALREADY_LOCKED);
        await(service.verify(owner, schedule, hold.token(), seats));
        // Within the same millisecond as the lock, an extension gains nothing and is refused.
        expect(() -> await(service.extend(owner, schedule, hold.token())), ErrorCode.HOLD_EXTENSION_LIMIT);
        await(service.held(owner, schedule));
        String claimToken = UUID.randomUUID().toString();
        tokens.add(claimToken);
        Hold claim = await(service.claim(owner, schedule, hold.token(), claimToken, null, seats));
        await(service.confirm(owner, schedule, claim.token(), bookingId, seats, Instant.now().plusSeconds(60)));
        expect(() -> await(service.lock("warm-up-rival", schedule, seats)), ErrorCode.SEAT_ALREADY_BOOKED);
        await(service.cancel(owner, schedule, bookingId, seats));
        Hold again = await(service.lock(owner, schedule, seats));
        tokens.add(again.token());
        await(service.release(owner, schedule, again.token(), List.of()));
        String freeClaim = UUID.randomUUID().toString();
        tokens.add(freeClaim);
        await(service.claim(owner, schedule, null, freeClaim, null, seats));
        await(service.abort(owner, schedule, freeClaim, null));
        serialize(hold);
    }

    private void serialize(Hold hold) {
        try {
            String written = json.writeValueAsString(hold);
            json.readValue(json.writeValueAsString(hold.seats()), Seat[].class);
            json.readTree(written);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a call whose refusal with {@code allowed} is part of the path being warmed. */
    private static void expect(Runnable call, ErrorCode allowed) {
        try {
            call.run();
        } catch (SeatLockException e) {
            if (e.code() != allowed) {
                throw e;
            }
        }
    }

    /** Deletes every key the warm-up wrote; the fencing counter of the warm-up schedule too. */
    private String cleanUp(List<Seat> seats, List<String> tokens, long firstBooking, int bookings) {
        List<String> keys = new ArrayList<>();
        for (long booking = firstBooking; booking < firstBooking + bookings; booking++) {
            keys.add(SeatKeys.cancelled(schedule, booking));
        }
        seats.forEach(seat -> keys.add(SeatKeys.seat(schedule, seat)));
        tokens.forEach(token -> {
            keys.add(SeatKeys.hold(schedule, token));
            keys.add(SeatKeys.claimAttempts(schedule, token));
            keys.add(SeatKeys.claimAborted(schedule, token));
        });
        keys.add(SeatKeys.fence(schedule));
        keys.add(SeatKeys.sale(schedule));
        keys.add(SeatKeys.seatMap(schedule));
        keys.add(SeatKeys.userSeats(schedule, OWNER));
        keys.add(SeatKeys.userWindow(schedule, OWNER));
        keys.add(SeatKeys.index(schedule));
        keys.add(SeatKeys.events(schedule));
        keys.add(SeatKeys.holdEnds(schedule));
        try {
            for (int from = 0; from < keys.size(); from += 500) {
                List<String> batch = keys.subList(from, Math.min(keys.size(), from + 500));
                redis.execute("DEL", batch.toArray(String[]::new)).await().atMost(config.redisTimeout());
            }
            return "";
        } catch (RuntimeException e) {
            // They expire by themselves (holds and claims by their TTL, the seat map after ten minutes); the index lingers.
            return "; could not delete its keys: " + e;
        }
    }

    private <T> T await(Uni<T> call) {
        return call.await().atMost(config.redisTimeout().multipliedBy(2));
    }
}
