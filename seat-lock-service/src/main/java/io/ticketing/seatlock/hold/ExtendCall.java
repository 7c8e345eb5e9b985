package io.ticketing.seatlock.hold;

import static io.ticketing.seatlock.redis.ScriptReplies.concat;
import static io.ticketing.seatlock.redis.ScriptReplies.millis;

import java.time.Instant;
import java.util.List;

import io.ticketing.seatlock.config.SeatLockConfig;
import io.ticketing.seatlock.redis.LuaScript;
import io.ticketing.seatlock.redis.ScriptCall;
import io.ticketing.seatlock.redis.SeatKeys;
import io.vertx.mutiny.redis.client.Response;

/** extend.lua: a hold's expiry pushed out by one hold time, never past the owner's cap. */
record ExtendCall(String owner, long scheduleId, String token, SeatLockConfig config, RecordSeats record) implements ScriptCall<SeatOutcome<Instant>> {

    @Override
    public LuaScript script() {
        return LuaScript.EXTEND;
    }

    @Override
    public List<String> keys() {
        return concat(List.of(SeatKeys.hold(scheduleId, token), SeatKeys.userSeats(scheduleId, owner),
                SeatKeys.userWindow(scheduleId, owner), SeatKeys.holdEnds(scheduleId)), record.seatKeys(scheduleId));
    }

    @Override
    public List<String> args() {
        return List.of(owner, token, millis(config.holdTtl()), millis(config.maxHoldTime()), record.seats());
    }

    @Override
    public SeatOutcome<Instant> read(Response reply) {
        long code = reply.get(0).toLong();
        if (code == 1) {
            return new SeatOutcome.Granted<>(Instant.ofEpochMilli(reply.get(1).toLong()));
        }
        if (code == -1) {
            return new SeatOutcome.ExtensionCapReached<>();
        }
        SeatOutcome<Instant> refusal = HoldReplies.ownerRefusal(code);
        if (refusal == null) {
            throw new IllegalStateException("extend.lua answered " + reply);
        }
        return refusal;
    }
}
