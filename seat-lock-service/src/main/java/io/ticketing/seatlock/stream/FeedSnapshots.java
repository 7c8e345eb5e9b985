package io.ticketing.seatlock.stream;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.ticketing.seatlock.error.ErrorCode;
import io.ticketing.seatlock.error.SeatLockException;
import io.ticketing.seatlock.redis.ScriptRunner;
import io.ticketing.seatlock.redis.SeatKeys;
import io.ticketing.seatlock.sale.SeatMaps;
import io.vertx.mutiny.redis.client.Response;

/** A schedule's seats as a feed starts from them: read from Redis, with the event they are current up to. */
@ApplicationScoped
class FeedSnapshots {

    private static final int MEMBERS_PER_MGET = 1_000;

    private final ScriptRunner scripts;
    private final SeatMaps seatMaps;

    FeedSnapshots(ScriptRunner scripts, SeatMaps seatMaps) {
        this.scripts = scripts;
        this.seatMaps = seatMaps;
    }

    /**
     * Every seat of the map with its state, current up to the event it names: the last event's id is
     * read first, so events that come while the seats are read are applied on top (each names a
     * state, not a change, so applying one twice is harmless).
     */
    Uni<SeatFeed.SeatStates> load(long scheduleId) {
        return scripts.command("XREVRANGE", SeatKeys.events(scheduleId), "+", "-", "COUNT", "1")
                .map(reply -> reply.size() == 0 ? StreamId.ZERO : StreamId.parse(reply.get(0).get(0).toString()))
                .flatMap(at -> scripts.command("EXISTS", SeatKeys.sale(scheduleId)).flatMap(sale -> {
                    if (sale.toInteger() == 0) {
                        return unknown();
                    }
                    return scripts.command("SMEMBERS", SeatKeys.seatMap(scheduleId))
                            .flatMap(members -> states(scheduleId, members))
                            .map(states -> new SeatFeed.SeatStates(at, states));
                }));
    }

    /** 404, or 503 while Redis has lost the sales and booking has not published them all again. */
    private Uni<SeatFeed.SeatStates> unknown() {
        return seatMaps.complete().map(complete -> {
            throw new SeatLockException(complete ? ErrorCode.SCHEDULE_NOT_FOUND : ErrorCode.LOCK_STORE_UNAVAILABLE);
        });
    }

    private Uni<Map<String, String>> states(long scheduleId, Response membersReply) {
        List<String> members = new ArrayList<>(membersReply.size());
        membersReply.forEach(member -> members.add(member.toString()));
        List<List<String>> pages = new ArrayList<>();
        for (int from = 0; from < members.size(); from += MEMBERS_PER_MGET) {
            pages.add(members.subList(from, Math.min(members.size(), from + MEMBERS_PER_MGET)));
        }
        Map<String, String> states = new HashMap<>(members.size() * 2);
        return Multi.createFrom().iterable(pages)
                .onItem().transformToUniAndConcatenate(page -> scripts.command("MGET",
                        page.stream().map(member -> SeatKeys.seatPrefix(scheduleId) + member).toArray(String[]::new))
                        .invoke(values -> {
                            for (int i = 0; i < page.size(); i++) {
                                Response value = values.get(i);
                                states.put(page.get(i), stateOf(value == null ? null : value.toString()));
                            }
                        }))
                .collect().last()
                .replaceWith(states);
    }

    /** A seat key's value as others see it: no key is free, a sold marker is booked, anything else held. */
    static String stateOf(String value) {
        if (value == null) {
            return "AVAILABLE";
        }
        return value.substring(value.lastIndexOf(':') + 1).startsWith("booked-") ? "BOOKED" : "HELD";
    }
}
