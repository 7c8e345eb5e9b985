package io.ticketing.seatlock.hold;

import static io.ticketing.seatlock.redis.ScriptReplies.concat;
import static io.ticketing.seatlock.redis.ScriptReplies.members;
import static io.ticketing.seatlock.redis.ScriptReplies.millis;
import static io.ticketing.seatlock.redis.ScriptReplies.seatKeys;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.ticketing.seatlock.config.SeatLockConfig;
import io.ticketing.seatlock.model.Seat;
import io.ticketing.seatlock.redis.LuaScript;
import io.ticketing.seatlock.redis.ScriptCall;
import io.ticketing.seatlock.redis.SeatKeys;
import io.vertx.mutiny.redis.client.Response;

/**
 * lock.lua: every seat for one owner, or none, within the owner's seat limit and hold window, inside
 * the schedule's sales window and its seat map.
 */
record LockCall(String owner, long scheduleId, String token, List<Seat> seats, SeatLockConfig config)
        implements ScriptCall<SeatOutcome<Hold>> {

    @Override
    public LuaScript script() {
        return LuaScript.LOCK;
    }

    @Override
    public List<String> keys() {
        return concat(List.of(SeatKeys.hold(scheduleId, token), SeatKeys.fence(scheduleId), SeatKeys.index(scheduleId),
                SeatKeys.userSeats(scheduleId, owner), SeatKeys.userWindow(scheduleId, owner), SeatKeys.abandoned(scheduleId, token),
                SeatKeys.sale(scheduleId), SeatKeys.seatMap(scheduleId),
                SeatKeys.events(scheduleId), SeatKeys.holdEnds(scheduleId)),
                seatKeys(scheduleId, seats));
    }

    @Override
    public List<String> args() {
        return concat(List.of(owner, token, millis(config.holdTtl()), millis(config.maxHoldTime()),
                Integer.toString(config.seatsPerUser()),
                millis(config.maxHoldTime().plus(config.holdCooldown()))), members(seats));
    }

    @Override
    public SeatOutcome<Hold> read(Response reply) {
        int code = reply.get(0).toInteger();
        SeatOutcome<Hold> refusal = HoldReplies.saleRefusal(code, reply, seats);
        if (refusal != null) {
            return refusal;
        }
        return switch (code) {
            case 1 -> new SeatOutcome.Granted<>(new Hold(token, scheduleId, seats, Instant.ofEpochMilli(reply.get(2).toLong()),
                    reply.get(1).toLong()));
            case 0 -> new SeatOutcome.Conflict<>(HoldReplies.conflicts(seats, reply.get(1)));
            case -1 -> new SeatOutcome.HoldTimeUsedUp<>(Duration.ofMillis(reply.get(1).toLong()));
            // Abandoned: seat-lock had stopped waiting for this lock; nobody reads this answer.
            case -2 -> new SeatOutcome.Expired<>();
            case -5 -> new SeatOutcome.SeatLimitReached<>(reply.get(1).toInteger());
            default -> throw new IllegalStateException("lock.lua answered " + reply);
        };
    }
}
