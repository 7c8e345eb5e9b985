package io.ticketing.seatlock.hold;

import static io.ticketing.seatlock.redis.ScriptReplies.concat;
import static io.ticketing.seatlock.redis.ScriptReplies.members;
import static io.ticketing.seatlock.redis.ScriptReplies.seatKeys;

import java.time.Instant;
import java.util.List;

import io.ticketing.seatlock.model.Seat;
import io.ticketing.seatlock.redis.LuaScript;
import io.ticketing.seatlock.redis.ScriptCall;
import io.ticketing.seatlock.redis.SeatKeys;
import io.vertx.mutiny.redis.client.Response;

/** confirm.lua: a committed booking's seats marked sold (until {@code soldUntil}, if given); the seats marked. */
record ConfirmCall(String owner, long scheduleId, String claimToken, long bookingId, List<Seat> seats, Instant soldUntil)
        implements ScriptCall<Integer> {

    @Override
    public LuaScript script() {
        return LuaScript.CONFIRM;
    }

    @Override
    public List<String> keys() {
        return concat(List.of(SeatKeys.hold(scheduleId, claimToken), SeatKeys.index(scheduleId),
                SeatKeys.cancelled(scheduleId, bookingId), SeatKeys.userSeats(scheduleId, owner),
                SeatKeys.events(scheduleId), SeatKeys.holdEnds(scheduleId)), seatKeys(scheduleId, seats));
    }

    @Override
    public List<String> args() {
        return concat(List.of(owner, Long.toString(bookingId), soldUntil == null ? "" : Long.toString(soldUntil.toEpochMilli())),
                members(seats));
    }

    @Override
    public Integer read(Response reply) {
        return reply.toInteger();
    }
}
