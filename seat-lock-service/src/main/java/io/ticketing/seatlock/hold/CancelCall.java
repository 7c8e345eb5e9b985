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

/** cancel.lua: a cancelled booking's sold seats freed, and the cancellation remembered; the seats freed. */
record CancelCall(String owner, long scheduleId, long bookingId, List<Seat> seats, Duration remembered)
        implements ScriptCall<Integer> {

    @Override
    public LuaScript script() {
        return LuaScript.CANCEL;
    }

    @Override
    public List<String> keys() {
        return concat(List.of(SeatKeys.index(scheduleId), SeatKeys.cancelled(scheduleId, bookingId),
                SeatKeys.userSeats(scheduleId, owner), SeatKeys.events(scheduleId)), seatKeys(scheduleId, seats));
    }

    @Override
    public List<String> args() {
        return concat(List.of(owner, Long.toString(bookingId), millis(remembered)), members(seats));
    }

    @Override
    public Integer read(Response reply) {
        return reply.toInteger();
    }
}
