package io.ticketing.seatlock.hold;

import static io.ticketing.seatlock.redis.ScriptReplies.concat;
import static io.ticketing.seatlock.redis.ScriptReplies.members;

import java.util.ArrayList;
import java.util.List;

import io.ticketing.seatlock.model.Seat;
import io.ticketing.seatlock.redis.LuaScript;
import io.ticketing.seatlock.redis.ScriptCall;
import io.ticketing.seatlock.redis.SeatKeys;
import io.vertx.mutiny.redis.client.Response;

/** release.lua: the seats of a hold (all, or those named) that still carry its token, freed. */
record ReleaseCall(String owner, long scheduleId, String token, List<Seat> seats, RecordSeats record) implements ScriptCall<SeatOutcome<List<Seat>>> {

    @Override
    public LuaScript script() {
        return LuaScript.RELEASE;
    }

    @Override
    public List<String> keys() {
        return concat(List.of(SeatKeys.hold(scheduleId, token), SeatKeys.index(scheduleId), SeatKeys.userSeats(scheduleId, owner),
                SeatKeys.events(scheduleId), SeatKeys.holdEnds(scheduleId)),
                record.seatKeys(scheduleId));
    }

    @Override
    public List<String> args() {
        return concat(List.of(owner, token, record.seats()), members(seats));
    }

    @Override
    public SeatOutcome<List<Seat>> read(Response reply) {
        SeatOutcome<List<Seat>> refusal = HoldReplies.ownerRefusal(reply.get(0).toLong());
        if (refusal != null) {
            return refusal;
        }
        List<Seat> released = new ArrayList<>();
        for (Response member : reply.get(1)) {
            released.add(Seat.fromMember(member.toString()));
        }
        return new SeatOutcome.Granted<>(released);
    }
}
