package io.ticketing.seatlock.hold;

import static io.ticketing.seatlock.redis.ScriptReplies.concat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ticketing.seatlock.model.Seat;
import io.ticketing.seatlock.redis.LuaScript;
import io.ticketing.seatlock.redis.ScriptCall;
import io.ticketing.seatlock.redis.SeatKeys;
import io.vertx.mutiny.redis.client.Response;

/**
 * list.lua: of one page of a schedule's index (the members an SSCAN returned), the seats held now,
 * with their holders. The SSCAN comes first so that the script declares every seat key it reads.
 */
record ListPageCall(long scheduleId, List<String> members) implements ScriptCall<Map<Seat, String>> {

    @Override
    public LuaScript script() {
        return LuaScript.LIST;
    }

    @Override
    public List<String> keys() {
        return concat(List.of(SeatKeys.index(scheduleId)),
                members.stream().map(member -> SeatKeys.seatPrefix(scheduleId) + member).toList());
    }

    @Override
    public List<String> args() {
        return members;
    }

    @Override
    public Map<Seat, String> read(Response reply) {
        Map<Seat, String> holders = new LinkedHashMap<>();
        for (int i = 0; i + 1 < reply.size(); i += 2) {
            holders.put(Seat.fromMember(reply.get(i).toString()), reply.get(i + 1).toString());
        }
        return holders;
    }
}
