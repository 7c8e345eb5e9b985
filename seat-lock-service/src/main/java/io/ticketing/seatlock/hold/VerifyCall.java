package io.ticketing.seatlock.hold;

import static io.ticketing.seatlock.redis.ScriptReplies.concat;
import static io.ticketing.seatlock.redis.ScriptReplies.seatKeys;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.ticketing.seatlock.model.Seat;
import io.ticketing.seatlock.model.SeatState;
import io.ticketing.seatlock.redis.LuaScript;
import io.ticketing.seatlock.redis.ScriptCall;
import io.ticketing.seatlock.redis.SeatKeys;
import io.vertx.mutiny.redis.client.Response;

/** verify.lua: each seat as the holder of one token sees it; reads only. */
record VerifyCall(String owner, long scheduleId, String token, List<Seat> seats) implements ScriptCall<Verification> {

    @Override
    public LuaScript script() {
        return LuaScript.VERIFY;
    }

    @Override
    public List<String> keys() {
        return concat(List.of(SeatKeys.hold(scheduleId, token)), seatKeys(scheduleId, seats));
    }

    @Override
    public List<String> args() {
        return List.of(owner, token);
    }

    @Override
    public Verification read(Response reply) {
        List<SeatState> states = new ArrayList<>(seats.size());
        Response statuses = reply.get(1);
        for (int i = 0; i < seats.size(); i++) {
            states.add(new SeatState(seats.get(i), statuses.get(i).toString()));
        }
        boolean valid = states.stream().allMatch(state -> "HELD_BY_YOU".equals(state.status()));
        long expires = reply.get(0).toLong();
        return new Verification(valid, states, expires > 0 ? Instant.ofEpochMilli(expires) : null);
    }
}
