package io.ticketing.seatlock.hold;

import static io.ticketing.seatlock.redis.ScriptReplies.concat;
import static io.ticketing.seatlock.redis.ScriptReplies.millis;

import java.util.List;

import io.ticketing.seatlock.config.SeatLockConfig;
import io.ticketing.seatlock.redis.LuaScript;
import io.ticketing.seatlock.redis.ScriptCall;
import io.ticketing.seatlock.redis.SeatKeys;
import io.vertx.mutiny.redis.client.Response;

/** abort.lua: one booking attempt gives up its part in a claim; the seats given back, when it was the last. */
record AbortCall(String owner, long scheduleId, String claimToken, String attempt, SeatLockConfig config, RecordSeats record)
        implements ScriptCall<SeatOutcome<Integer>> {

    @Override
    public LuaScript script() {
        return LuaScript.ABORT;
    }

    @Override
    public List<String> keys() {
        return concat(List.of(SeatKeys.hold(scheduleId, claimToken), SeatKeys.index(scheduleId),
                SeatKeys.claimAttempts(scheduleId, claimToken), SeatKeys.claimAborted(scheduleId, claimToken),
                SeatKeys.userSeats(scheduleId, owner),
                SeatKeys.hold(scheduleId, record.origin().isEmpty() ? claimToken : record.origin()),
                SeatKeys.events(scheduleId), SeatKeys.holdEnds(scheduleId)), record.seatKeys(scheduleId));
    }

    @Override
    public List<String> args() {
        return List.of(owner, claimToken, record.seats(), record.origin(), attempt, millis(config.claimTtl()));
    }

    @Override
    public SeatOutcome<Integer> read(Response reply) {
        SeatOutcome<Integer> refusal = HoldReplies.ownerRefusal(reply.toLong());
        return refusal != null ? refusal : new SeatOutcome.Granted<>(reply.toInteger());
    }
}
