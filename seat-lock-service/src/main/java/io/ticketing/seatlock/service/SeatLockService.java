package io.ticketing.seatlock.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.ticketing.seatlock.config.SeatLockConfig;
import io.ticketing.seatlock.error.ErrorCode;
import io.ticketing.seatlock.error.SeatLockException;
import io.ticketing.seatlock.model.Hold;
import io.ticketing.seatlock.model.Seat;
import io.ticketing.seatlock.model.SeatConflict;
import io.ticketing.seatlock.model.SeatState;
import io.ticketing.seatlock.model.Verification;
import io.vertx.mutiny.redis.client.Response;

/**
 * The rules of seat holds. Each operation is one Lua script, so it is atomic in Redis: a hold takes
 * every seat or none, and release, extend and claim compare the owner before they act. The owner is
 * always the authenticated user, never a value from the request body.
 */
@ApplicationScoped
public class SeatLockService {

    /**
     * How long a cancelled booking is remembered, so that its confirm, retried late, cannot mark its
     * seats sold again: far longer than booking retries a confirm (a few seconds).
     */
    static final Duration CANCELLATION_REMEMBERED = Duration.ofHours(1);

    private final ScriptRunner scripts;
    private final HeldSeatsReader heldSeats;
    private final SeatLockConfig config;
    private final SeatLockMetrics metrics;

    SeatLockService(ScriptRunner scripts, HeldSeatsReader heldSeats, SeatLockConfig config, SeatLockMetrics metrics) {
        this.scripts = scripts;
        this.heldSeats = heldSeats;
        this.config = config;
        this.metrics = metrics;
    }

    public Uni<Hold> lock(String owner, long scheduleId, List<Seat> seats) {
        String token = UUID.randomUUID().toString();
        List<String> keys = new ArrayList<>(List.of(SeatKeys.hold(scheduleId, token), SeatKeys.fence(scheduleId),
                SeatKeys.index(scheduleId), SeatKeys.userSeats(scheduleId, owner), SeatKeys.userWindow(scheduleId, owner)));
        keys.addAll(seatKeys(scheduleId, seats));
        List<String> args = new ArrayList<>(List.of(owner, token, millis(config.holdTtl()), millis(config.maxHoldTime()),
                SeatKeys.holdPrefix(scheduleId), Integer.toString(config.seatsPerUser()),
                millis(config.maxHoldTime().plus(config.holdCooldown()))));
        args.addAll(members(seats));
        return metrics.timed("lock", scripts.run(LuaScript.LOCK, keys, args)).map(reply -> {
            long outcome = reply.get(0).toLong();
            if (outcome == 0) {
                metrics.conflict();
                throw conflict(seats, reply.get(1));
            }
            if (outcome == -1) {
                throw new SeatLockException(ErrorCode.HOLD_TIME_USED_UP, Duration.ofMillis(reply.get(1).toLong()));
            }
            limitOutcome(reply);
            metrics.holdGranted();
            Log.debugf("Held %s of schedule %d for %s under %s…", seats, scheduleId, owner, token.substring(0, 8));
            return new Hold(token, scheduleId, seats, Instant.ofEpochMilli(reply.get(2).toLong()), reply.get(1).toLong());
        });
    }

    public Uni<Verification> verify(String owner, long scheduleId, String token, List<Seat> seats) {
        List<String> keys = new ArrayList<>(List.of(SeatKeys.hold(scheduleId, token)));
        keys.addAll(seatKeys(scheduleId, seats));
        return metrics.timed("verify", scripts.run(LuaScript.VERIFY, keys, List.of(owner, token))).map(reply -> {
            List<SeatState> states = new ArrayList<>(seats.size());
            Response statuses = reply.get(1);
            for (int i = 0; i < seats.size(); i++) {
                states.add(new SeatState(seats.get(i), statuses.get(i).toString()));
            }
            boolean valid = states.stream().allMatch(state -> "HELD_BY_YOU".equals(state.status()));
            long expires = reply.get(0).toLong();
            return new Verification(valid, states, expires > 0 ? Instant.ofEpochMilli(expires) : null);
        });
    }

    public Uni<Instant> extend(String owner, long scheduleId, String token) {
        List<String> args = List.of(owner, token, millis(config.holdTtl()), millis(config.maxHoldTime()),
                SeatKeys.seatPrefix(scheduleId));
        List<String> keys = List.of(SeatKeys.hold(scheduleId, token), SeatKeys.userSeats(scheduleId, owner),
                SeatKeys.userWindow(scheduleId, owner));
        return metrics.timed("extend", scripts.run(LuaScript.EXTEND, keys, args))
                .map(reply -> {
                    long outcome = reply.get(0).toLong();
                    ownerOutcome(outcome);
                    if (outcome == -1) {
                        throw new SeatLockException(ErrorCode.HOLD_EXTENSION_LIMIT);
                    }
                    metrics.extended();
                    return Instant.ofEpochMilli(reply.get(1).toLong());
                });
    }

    /** Releases the named seats of a hold, or all of them when {@code seats} is empty. */
    public Uni<List<Seat>> release(String owner, long scheduleId, String token, List<Seat> seats) {
        List<String> args = new ArrayList<>(List.of(owner, token, SeatKeys.seatPrefix(scheduleId)));
        args.addAll(members(seats));
        List<String> keys = List.of(SeatKeys.hold(scheduleId, token), SeatKeys.index(scheduleId),
                SeatKeys.userSeats(scheduleId, owner));
        return metrics.timed("release", scripts.run(LuaScript.RELEASE, keys, args)).map(reply -> {
            ownerOutcome(reply.get(0).toLong());
            List<Seat> released = new ArrayList<>();
            for (Response member : reply.get(1)) {
                released.add(Seat.fromMember(member.toString()));
            }
            metrics.released();
            return released;
        });
    }

    /** The seats of a schedule held right now: HELD, or HELD_BY_YOU for the caller's own. */
    public Uni<List<SeatState>> held(String owner, long scheduleId) {
        return heldSeats.holders(scheduleId).map(holders -> holders.entrySet().stream()
                .map(held -> new SeatState(held.getKey(), owner.equals(held.getValue()) ? "HELD_BY_YOU" : "HELD")).toList());
    }

    /**
     * Booking's first step: the caller's hold ({@code originToken}, may be null) or free seats become
     * a claim that nobody else can lock, for {@code seat-lock.claim-ttl}, with a fresh fencing token.
     * The caller may choose the claim token (null: a new one), which makes a repeated claim harmless,
     * and names its attempt (null: the claim token), so that aborts undo only what their own attempt
     * did: a claim shared by several attempts is given back when the last of them aborts, and an
     * attempt that already aborted takes nothing ({@code LOCK_EXPIRED}).
     */
    public Uni<Hold> claim(String owner, long scheduleId, String originToken, String chosenClaimToken, String attempt,
            List<Seat> seats) {
        String claimToken = chosenClaimToken == null ? UUID.randomUUID().toString() : chosenClaimToken;
        String origin = originToken == null ? "" : originToken;
        List<String> keys = new ArrayList<>(List.of(SeatKeys.hold(scheduleId, claimToken), SeatKeys.fence(scheduleId),
                SeatKeys.index(scheduleId), SeatKeys.hold(scheduleId, origin), SeatKeys.claimAttempts(scheduleId, claimToken),
                SeatKeys.claimAborted(scheduleId, claimToken), SeatKeys.userSeats(scheduleId, owner)));
        keys.addAll(seatKeys(scheduleId, seats));
        List<String> args = new ArrayList<>(List.of(owner, claimToken, millis(config.claimTtl()),
                SeatKeys.holdPrefix(scheduleId), origin, attempt == null ? claimToken : attempt,
                Integer.toString(config.seatsPerUser())));
        args.addAll(members(seats));
        return metrics.timed("claim", scripts.run(LuaScript.CLAIM, keys, args)).map(reply -> {
            long outcome = reply.get(0).toLong();
            if (outcome == 0) {
                metrics.conflict();
                throw conflict(seats, reply.get(1));
            }
            if (outcome == -4) {
                throw new SeatLockException(ErrorCode.CLAIM_TOKEN_REUSED);
            }
            limitOutcome(reply);
            ownerOutcome(outcome);
            return new Hold(claimToken, scheduleId, seats, Instant.ofEpochMilli(reply.get(2).toLong()),
                    reply.get(1).toLong());
        });
    }

    /** Booking committed: the claimed seats are sold until the booking is cancelled (marked until {@code soldUntil}, if given). */
    public Uni<Integer> confirm(String owner, long scheduleId, String claimToken, long bookingId, List<Seat> seats,
            Instant soldUntil) {
        List<String> keys = new ArrayList<>(List.of(SeatKeys.hold(scheduleId, claimToken), SeatKeys.index(scheduleId),
                SeatKeys.cancelled(scheduleId, bookingId), SeatKeys.userSeats(scheduleId, owner)));
        keys.addAll(seatKeys(scheduleId, seats));
        List<String> args = new ArrayList<>(List.of(owner, Long.toString(bookingId),
                soldUntil == null ? "" : Long.toString(soldUntil.toEpochMilli())));
        args.addAll(members(seats));
        return metrics.timed("confirm", scripts.run(LuaScript.CONFIRM, keys, args)).map(Response::toInteger);
    }

    /**
     * A booking attempt failed: it gives up its part in the claim; when no other attempt counts on
     * the claim, it goes back to the hold it came from, or its seats are freed.
     */
    public Uni<Integer> abort(String owner, long scheduleId, String claimToken, String attempt) {
        List<String> keys = List.of(SeatKeys.hold(scheduleId, claimToken), SeatKeys.index(scheduleId),
                SeatKeys.claimAttempts(scheduleId, claimToken), SeatKeys.claimAborted(scheduleId, claimToken),
                SeatKeys.userSeats(scheduleId, owner));
        List<String> args = List.of(owner, claimToken, SeatKeys.seatPrefix(scheduleId), SeatKeys.holdPrefix(scheduleId),
                attempt == null ? claimToken : attempt, millis(config.claimTtl()));
        return metrics.timed("abort", scripts.run(LuaScript.ABORT, keys, args)).map(reply -> {
            ownerOutcome(reply.toLong());
            return reply.toInteger();
        });
    }

    /** A booking was cancelled: its seats, marked sold, are free again. */
    public Uni<Integer> cancel(String owner, long scheduleId, long bookingId, List<Seat> seats) {
        List<String> keys = new ArrayList<>(List.of(SeatKeys.index(scheduleId), SeatKeys.cancelled(scheduleId, bookingId),
                SeatKeys.userSeats(scheduleId, owner)));
        keys.addAll(seatKeys(scheduleId, seats));
        List<String> args = new ArrayList<>(List.of(owner, Long.toString(bookingId), millis(CANCELLATION_REMEMBERED)));
        args.addAll(members(seats));
        return metrics.timed("cancel", scripts.run(LuaScript.CANCEL, keys, args)).map(Response::toInteger);
    }

    /** -5: the caller would have more seats of the schedule than one person may. */
    private static void limitOutcome(Response reply) {
        if (reply.get(0).toLong() == -5) {
            throw new SeatLockException(ErrorCode.SEAT_LIMIT_REACHED, reply.get(1).toString());
        }
    }

    /** The shared answers of scripts that look up a token: -2 expired or unknown, -3 someone else's. */
    private static void ownerOutcome(long outcome) {
        if (outcome == -2) {
            throw new SeatLockException(ErrorCode.LOCK_EXPIRED);
        }
        if (outcome == -3) {
            throw new SeatLockException(ErrorCode.NOT_LOCK_OWNER);
        }
    }

    private static SeatLockException conflict(List<Seat> seats, Response positionsAndReasons) {
        List<SeatConflict> conflicts = new ArrayList<>();
        for (int i = 0; i < positionsAndReasons.size(); i += 2) {
            Seat seat = seats.get(positionsAndReasons.get(i).toInteger() - 1);
            conflicts.add(new SeatConflict(seat.row(), seat.number(), positionsAndReasons.get(i + 1).toString()));
        }
        boolean allBooked = conflicts.stream().allMatch(conflict -> "BOOKED".equals(conflict.reason()));
        return new SeatLockException(allBooked ? ErrorCode.SEAT_ALREADY_BOOKED : ErrorCode.SEAT_ALREADY_LOCKED,
                null, conflicts);
    }

    private static List<String> seatKeys(long scheduleId, List<Seat> seats) {
        return seats.stream().map(seat -> SeatKeys.seat(scheduleId, seat)).toList();
    }

    private static List<String> members(List<Seat> seats) {
        return seats.stream().map(Seat::member).toList();
    }

    private static String millis(Duration duration) {
        return Long.toString(duration.toMillis());
    }
}
