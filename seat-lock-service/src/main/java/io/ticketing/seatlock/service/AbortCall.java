package io.ticketing.seatlock.service;

import static io.ticketing.seatlock.service.ScriptReplies.millis;

import java.util.List;

import io.ticketing.seatlock.config.SeatLockConfig;
import io.vertx.mutiny.redis.client.Response;

/** abort.lua: one booking attempt gives up its part in a claim; the seats given back, when it was the last. */
record AbortCall(String owner, long scheduleId, String claimToken, String attempt, SeatLockConfig config)
        implements ScriptCall<SeatOutcome<Integer>> {

    @Override
    public LuaScript script() {
        return LuaScript.ABORT;
    }

    @Override
    public List<String> keys() {
        return List.of(SeatKeys.hold(scheduleId, claimToken), SeatKeys.index(scheduleId),
                SeatKeys.claimAttempts(scheduleId, claimToken), SeatKeys.claimAborted(scheduleId, claimToken),
                SeatKeys.userSeats(scheduleId, owner));
    }

    @Override
    public List<String> args() {
        return List.of(owner, claimToken, SeatKeys.seatPrefix(scheduleId), SeatKeys.holdPrefix(scheduleId), attempt,
                millis(config.claimTtl()));
    }

    @Override
    public SeatOutcome<Integer> read(Response reply) {
        SeatOutcome<Integer> refusal = ScriptReplies.ownerRefusal(reply.toLong());
        return refusal != null ? refusal : new SeatOutcome.Granted<>(reply.toInteger());
    }
}
