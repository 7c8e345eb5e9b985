package io.ticketing.seatlock.sale;

import static io.ticketing.seatlock.redis.ScriptReplies.concat;
import static io.ticketing.seatlock.redis.ScriptReplies.seatKeys;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.ticketing.seatlock.error.ErrorCode;
import io.ticketing.seatlock.error.SeatLockException;
import io.ticketing.seatlock.model.Seat;
import io.ticketing.seatlock.redis.LuaScript;
import io.ticketing.seatlock.redis.ScriptCall;
import io.ticketing.seatlock.redis.SeatKeys;
import io.vertx.mutiny.redis.client.Response;

/** publish_map.lua: a schedule's sales window and staged seat map, installed if newer and if no off-sale seat is in use. */
record PublishMapCall(long scheduleId, long version, Instant opensAt, Instant closesAt, Instant keepUntil, String staging,
        int seats, List<Seat> offSale) implements ScriptCall<SeatMaps.Outcome> {

    @Override
    public LuaScript script() {
        return LuaScript.PUBLISH_MAP;
    }

    @Override
    public List<String> keys() {
        return concat(List.of(SeatKeys.sale(scheduleId), SeatKeys.seatMap(scheduleId), SeatKeys.stagedSeatMap(scheduleId, staging),
                SeatKeys.events(scheduleId)),
                seatKeys(scheduleId, offSale));
    }

    @Override
    public List<String> args() {
        return List.of(Long.toString(version), Long.toString(opensAt.toEpochMilli()), Long.toString(closesAt.toEpochMilli()),
                Long.toString(keepUntil.toEpochMilli()), Integer.toString(seats));
    }

    @Override
    public SeatMaps.Outcome read(Response reply) {
        return switch (reply.get(0).toInteger()) {
            case 1 -> new SeatMaps.Outcome(SeatMaps.Publication.PUBLISHED, version, List.of());
            case 0 -> new SeatMaps.Outcome(SeatMaps.Publication.STALE, reply.get(1).toLong(), List.of());
            case -3 -> {
                List<Seat> inUse = new ArrayList<>();
                for (Response position : reply.get(1)) {
                    inUse.add(offSale.get(position.toInteger() - 1));
                }
                yield new SeatMaps.Outcome(SeatMaps.Publication.SEATS_IN_USE, null, inUse);
            }
            // Pages were lost between staging and now: nothing installed; booking publishes again.
            case -4 -> throw new SeatLockException(ErrorCode.LOCK_STORE_UNAVAILABLE);
            default -> throw new IllegalStateException("publish_map.lua answered " + reply);
        };
    }
}
