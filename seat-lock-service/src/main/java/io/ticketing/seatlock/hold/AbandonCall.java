package io.ticketing.seatlock.hold;

import static io.ticketing.seatlock.redis.ScriptReplies.concat;
import static io.ticketing.seatlock.redis.ScriptReplies.members;
import static io.ticketing.seatlock.redis.ScriptReplies.millis;
import static io.ticketing.seatlock.redis.ScriptReplies.seatKeys;

import java.time.Duration;
import java.util.List;

import io.ticketing.seatlock.model.Seat;
import io.ticketing.seatlock.redis.LuaScript;
import io.ticketing.seatlock.redis.ScriptCall;
import io.ticketing.seatlock.redis.SeatKeys;
import io.vertx.mutiny.redis.client.Response;

/** abandon.lua: a lock seat-lock stopped waiting for takes nothing, now or when it arrives; the seats freed. */
record AbandonCall(String owner, long scheduleId, String token, List<Seat> seats, Duration remembered)
        implements ScriptCall<Integer> {

    @Override
    public LuaScript script() {
        return LuaScript.ABANDON;
    }

    @Override
    public List<String> keys() {
        return concat(List.of(SeatKeys.hold(scheduleId, token), SeatKeys.abandoned(scheduleId, token), SeatKeys.index(scheduleId),
                SeatKeys.userSeats(scheduleId, owner), SeatKeys.events(scheduleId), SeatKeys.holdEnds(scheduleId)), seatKeys(scheduleId, seats));
    }

    @Override
    public List<String> args() {
        return concat(List.of(owner, token, millis(remembered)), members(seats));
    }

    @Override
    public Integer read(Response reply) {
        return reply.toInteger();
    }
}
