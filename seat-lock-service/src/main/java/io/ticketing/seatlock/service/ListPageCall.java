package io.ticketing.seatlock.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ticketing.seatlock.model.Seat;
import io.vertx.mutiny.redis.client.Response;

/** list.lua: one page of the seats of a schedule held now, with their holders. */
record ListPageCall(long scheduleId, String cursor, int pageSize) implements ScriptCall<ListPageCall.Page> {

    /** The holders found on this page, and the cursor of the next ("0": this was the last). */
    record Page(String next, Map<Seat, String> holders) {

        boolean last() {
            return "0".equals(next);
        }
    }

    @Override
    public LuaScript script() {
        return LuaScript.LIST;
    }

    @Override
    public List<String> keys() {
        return List.of(SeatKeys.index(scheduleId));
    }

    @Override
    public List<String> args() {
        return List.of(cursor, Integer.toString(pageSize), SeatKeys.seatPrefix(scheduleId));
    }

    @Override
    public Page read(Response reply) {
        Map<Seat, String> holders = new LinkedHashMap<>();
        for (int i = 1; i + 1 < reply.size(); i += 2) {
            holders.put(Seat.fromMember(reply.get(i).toString()), reply.get(i + 1).toString());
        }
        return new Page(reply.get(0).toString(), holders);
    }
}
