package io.ticketing.seatlock.stream;

import static io.ticketing.seatlock.redis.ScriptReplies.concat;

import java.util.List;

import io.ticketing.seatlock.redis.LuaScript;
import io.ticketing.seatlock.redis.ScriptCall;
import io.ticketing.seatlock.redis.SeatKeys;
import io.vertx.mutiny.redis.client.Response;

/**
 * sweep.lua: of the seats whose hold or claim should have ended (read from the schedule's hold ends
 * just before, so the script declares their keys), those now free are announced AVAILABLE.
 */
record SweepCall(long scheduleId, List<String> members) implements ScriptCall<Integer> {

    @Override
    public LuaScript script() {
        return LuaScript.SWEEP;
    }

    @Override
    public List<String> keys() {
        return concat(List.of(SeatKeys.holdEnds(scheduleId), SeatKeys.events(scheduleId)),
                members.stream().map(member -> SeatKeys.seatPrefix(scheduleId) + member).toList());
    }

    @Override
    public List<String> args() {
        return members;
    }

    @Override
    public Integer read(Response reply) {
        return reply.toInteger();
    }
}
