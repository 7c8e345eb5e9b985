package io.ticketing.seatlock.hold;

import static io.ticketing.seatlock.redis.ScriptReplies.concat;
import static io.ticketing.seatlock.redis.ScriptReplies.members;
import static io.ticketing.seatlock.redis.ScriptReplies.millis;
import static io.ticketing.seatlock.redis.ScriptReplies.seatKeys;

import java.time.Instant;
import java.util.List;

import io.ticketing.seatlock.config.SeatLockConfig;
import io.ticketing.seatlock.model.Seat;
import io.ticketing.seatlock.redis.LuaScript;
import io.ticketing.seatlock.redis.ScriptCall;
import io.ticketing.seatlock.redis.SeatKeys;
import io.vertx.mutiny.redis.client.Response;

/**
 * claim.lua: the owner's hold ({@code origin}, "" for none) or free seats become a booking's claim
 * under {@code claimToken}, joined by booking attempt {@code attempt}.
 */
record ClaimCall(String owner, long scheduleId, String origin, String claimToken, String attempt, List<Seat> seats,
        SeatLockConfig config) implements ScriptCall<SeatOutcome<Hold>> {

    @Override
    public LuaScript script() {
        return LuaScript.CLAIM;
    }

    @Override
    public List<String> keys() {
        return concat(List.of(SeatKeys.hold(scheduleId, claimToken), SeatKeys.fence(scheduleId), SeatKeys.index(scheduleId),
                SeatKeys.hold(scheduleId, origin), SeatKeys.claimAttempts(scheduleId, claimToken),
                SeatKeys.claimAborted(scheduleId, claimToken), SeatKeys.userSeats(scheduleId, owner), SeatKeys.sale(scheduleId),
                SeatKeys.seatMap(scheduleId), SeatKeys.events(scheduleId), SeatKeys.holdEnds(scheduleId)), seatKeys(scheduleId, seats));
    }

    @Override
    public List<String> args() {
        return concat(List.of(owner, claimToken, millis(config.claimTtl()), origin, attempt,
                Integer.toString(config.seatsPerUser())), members(seats));
    }

    @Override
    public SeatOutcome<Hold> read(Response reply) {
        long code = reply.get(0).toLong();
        SeatOutcome<Hold> outsideSale = HoldReplies.saleRefusal((int) code, reply, seats);
        if (outsideSale != null) {
            return outsideSale;
        }
        return switch ((int) code) {
            case 1 -> new SeatOutcome.Granted<>(new Hold(claimToken, scheduleId, seats,
                    Instant.ofEpochMilli(reply.get(2).toLong()), reply.get(1).toLong()));
            case 0 -> new SeatOutcome.Conflict<>(HoldReplies.conflicts(seats, reply.get(1)));
            case -4 -> new SeatOutcome.ClaimTokenReused<>();
            case -5 -> new SeatOutcome.SeatLimitReached<>(reply.get(1).toInteger());
            default -> {
                SeatOutcome<Hold> refusal = HoldReplies.ownerRefusal(code);
                if (refusal == null) {
                    throw new IllegalStateException("claim.lua answered " + reply);
                }
                yield refusal;
            }
        };
    }
}
