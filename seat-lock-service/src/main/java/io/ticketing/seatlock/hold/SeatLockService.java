package io.ticketing.seatlock.hold;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.ticketing.seatlock.config.SeatLockConfig;
import io.ticketing.seatlock.error.ErrorCode;
import io.ticketing.seatlock.error.SeatLockException;
import io.ticketing.seatlock.model.Seat;
import io.ticketing.seatlock.model.SeatState;
import io.ticketing.seatlock.redis.ScriptCall;
import io.ticketing.seatlock.redis.ScriptRunner;
import io.ticketing.seatlock.redis.SeatKeys;
import io.ticketing.seatlock.redis.SeatLockMetrics;
import io.ticketing.seatlock.sale.SeatMaps;

/**
 * The rules of seat holds. Each operation is one Lua script, so it is atomic in Redis: a hold takes
 * every seat or none, and release, extend and claim compare the owner before they act. The owner is
 * always the authenticated user, never a value from the request body. Each script's layout and reply
 * live in its call object ({@link LockCall} and the others); here, what its answers mean.
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
    private final SeatMaps seatMaps;

    SeatLockService(ScriptRunner scripts, HeldSeatsReader heldSeats, SeatLockConfig config, SeatLockMetrics metrics,
            SeatMaps seatMaps) {
        this.seatMaps = seatMaps;
        this.scripts = scripts;
        this.heldSeats = heldSeats;
        this.config = config;
        this.metrics = metrics;
    }

    public Uni<Hold> lock(String owner, long scheduleId, List<Seat> seats) {
        String token = UUID.randomUUID().toString();
        return metrics.timed("lock", scripts.run(new LockCall(owner, scheduleId, token, seats, config)))
                .onFailure(SeatLockService::redisDidNotAnswer).invoke(() -> abandon(owner, scheduleId, token, seats))
                .flatMap(this::unlessNotYetPublished)
                .map(outcome -> {
                    Hold hold = granted(outcome);
                    metrics.holdGranted();
                    Log.debugf("Held %s of schedule %d for %s under %s…", seats, scheduleId, owner, token.substring(0, 8));
                    return hold;
                });
    }

    public Uni<Verification> verify(String owner, long scheduleId, String token, List<Seat> seats) {
        return metrics.timed("verify", scripts.run(new VerifyCall(owner, scheduleId, token, seats)));
    }

    public Uni<Instant> extend(String owner, long scheduleId, String token) {
        return metrics.timed("extend", onRecord(scheduleId, token, record -> new ExtendCall(owner, scheduleId, token, config, record)))
                .map(outcome -> {
                    Instant expires = granted(outcome);
                    metrics.extended();
                    return expires;
                });
    }

    /** Releases the named seats of a hold, or all of them when {@code seats} is empty. */
    public Uni<List<Seat>> release(String owner, long scheduleId, String token, List<Seat> seats) {
        return metrics.timed("release", onRecord(scheduleId, token, record -> new ReleaseCall(owner, scheduleId, token, seats, record)))
                .map(outcome -> {
                    List<Seat> released = granted(outcome);
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
        ClaimCall call = new ClaimCall(owner, scheduleId, originToken == null ? "" : originToken, claimToken,
                attempt == null ? claimToken : attempt, seats, config);
        return metrics.timed("claim", scripts.run(call)).flatMap(this::unlessNotYetPublished).map(this::granted);
    }

    /** Booking committed: the claimed seats are sold until the booking is cancelled (marked until {@code soldUntil}, if given). */
    public Uni<Integer> confirm(String owner, long scheduleId, String claimToken, long bookingId, List<Seat> seats,
            Instant soldUntil) {
        return metrics.timed("confirm", scripts.run(new ConfirmCall(owner, scheduleId, claimToken, bookingId, seats, soldUntil)));
    }

    /**
     * A booking attempt failed: it gives up its part in the claim; when no other attempt counts on
     * the claim, it goes back to the hold it came from, or its seats are freed.
     */
    public Uni<Integer> abort(String owner, long scheduleId, String claimToken, String attempt) {
        String attemptName = attempt == null ? claimToken : attempt;
        return metrics.timed("abort", onRecord(scheduleId, claimToken,
                record -> new AbortCall(owner, scheduleId, claimToken, attemptName, config, record))).map(this::granted);
    }

    /** A booking was cancelled: its seats, marked sold, are free again. */
    public Uni<Integer> cancel(String owner, long scheduleId, long bookingId, List<Seat> seats) {
        return metrics.timed("cancel", scripts.run(new CancelCall(owner, scheduleId, bookingId, seats, CANCELLATION_REMEMBERED)));
    }

    /**
     * Runs a script that acts on the seats of a hold or claim record: the record is read first, so
     * that the script declares every seat key it touches, and read again (twice at most) should it
     * have changed before the script ran.
     */
    private <T> Uni<SeatOutcome<T>> onRecord(long scheduleId, String token, Function<RecordSeats, ScriptCall<SeatOutcome<T>>> call) {
        return onRecord(scheduleId, token, call, 3);
    }

    private <T> Uni<SeatOutcome<T>> onRecord(long scheduleId, String token, Function<RecordSeats, ScriptCall<SeatOutcome<T>>> call,
            int tries) {
        return scripts.command("HMGET", SeatKeys.hold(scheduleId, token), "seats", "origin").map(RecordSeats::of)
                .flatMap(record -> scripts.run(call.apply(record)))
                .flatMap(outcome -> outcome instanceof SeatOutcome.RecordChanged<T> && tries > 1 ? onRecord(scheduleId, token, call, tries - 1)
                        : Uni.createFrom().item(outcome));
    }

    /**
     * The caller is told 503, but Redis may still run the lock (it was sent; a cluster client tries
     * again after TRYAGAIN): in the background, the token is marked abandoned and whatever it took is
     * freed, so that nobody holds seats under a token they were never given. Abandoning twice is
     * harmless, so a failed try is tried again (a slot migrating on a Redis Cluster, a Redis that is
     * slow for a moment: the lock itself may get through while its first abandon does not; seen in
     * CI's slot-migration scenario) for as long as the hold could last; only if Redis cannot be
     * reached for all that time does such a hold end with its TTL.
     */
    private void abandon(String owner, long scheduleId, String token, List<Seat> seats) {
        scripts.run(new AbandonCall(owner, scheduleId, token, seats, config.holdTtl().plusMinutes(1)))
                .onFailure().retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(2))
                .expireIn(config.holdTtl().toMillis())
                .subscribe().with(
                freed -> Log.debugf("Abandoned lock %s… of schedule %d: %d seats freed", token.substring(0, 8), scheduleId, freed),
                failure -> Log.warnf("Could not abandon lock %s… of schedule %d (it ends with its TTL): %s", token.substring(0, 8),
                        scheduleId, failure.toString()));
    }

    /**
     * A schedule seat-lock does not know is unknown (404) only once booking has published every
     * schedule on sale ({@link SeatMaps#complete}); before that, Redis is new or came back empty and
     * the schedule may be one booking has not published again yet (it does within seconds): 503, try
     * again, rather than telling people in the middle of a sale that their show does not exist.
     */
    private <T> Uni<SeatOutcome<T>> unlessNotYetPublished(SeatOutcome<T> outcome) {
        if (!(outcome instanceof SeatOutcome.ScheduleUnknown<T>)) {
            return Uni.createFrom().item(outcome);
        }
        return seatMaps.complete().map(complete -> {
            if (!complete) {
                Log.debugf("A hold on a schedule not published (again) yet: 503 until booking's next round");
                throw new SeatLockException(ErrorCode.LOCK_STORE_UNAVAILABLE);
            }
            return outcome;
        });
    }

    private static boolean redisDidNotAnswer(Throwable failure) {
        return failure instanceof SeatLockException e && e.code() == ErrorCode.LOCK_STORE_UNAVAILABLE;
    }

    /** What a script granted, or the refusal its answer means for the caller. */
    private <T> T granted(SeatOutcome<T> outcome) {
        return switch (outcome) {
            case SeatOutcome.Granted<T> granted -> granted.value();
            case SeatOutcome.Conflict<T> conflict -> {
                metrics.conflict();
                boolean allBooked = conflict.seats().stream().allMatch(seat -> "BOOKED".equals(seat.reason()));
                throw new SeatLockException(allBooked ? ErrorCode.SEAT_ALREADY_BOOKED : ErrorCode.SEAT_ALREADY_LOCKED, null,
                        conflict.seats());
            }
            case SeatOutcome.Expired<T> expired -> throw new SeatLockException(ErrorCode.LOCK_EXPIRED);
            case SeatOutcome.NotOwner<T> notOwner -> throw new SeatLockException(ErrorCode.NOT_LOCK_OWNER);
            case SeatOutcome.SeatLimitReached<T> limit ->
                throw new SeatLockException(ErrorCode.SEAT_LIMIT_REACHED, Integer.toString(limit.limit()));
            case SeatOutcome.HoldTimeUsedUp<T> usedUp -> throw new SeatLockException(ErrorCode.HOLD_TIME_USED_UP, usedUp.retryAfter());
            case SeatOutcome.ExtensionCapReached<T> cap -> throw new SeatLockException(ErrorCode.HOLD_EXTENSION_LIMIT);
            case SeatOutcome.ClaimTokenReused<T> reused -> throw new SeatLockException(ErrorCode.CLAIM_TOKEN_REUSED);
            case SeatOutcome.ScheduleUnknown<T> unknown -> throw new SeatLockException(ErrorCode.SCHEDULE_NOT_FOUND);
            case SeatOutcome.SalesNotOpen<T> notOpen -> throw SeatLockException.salesNotOpen(notOpen.opensAt());
            case SeatOutcome.SalesClosed<T> closed -> throw SeatLockException.salesClosed(closed.closedAt());
            case SeatOutcome.SeatsUnknown<T> unknown -> throw new SeatLockException(ErrorCode.SEAT_NOT_FOUND,
                    unknown.seats().stream().map(Seat::toString).collect(Collectors.joining(", ")));
            // The record kept changing under three reads in a row: busy, try again.
            case SeatOutcome.RecordChanged<T> changed -> throw new SeatLockException(ErrorCode.LOCK_STORE_UNAVAILABLE);
        };
    }
}
