package io.ticketing.seatlock.service;

import java.util.ArrayList;
import java.util.List;

import io.ticketing.seatlock.model.Seat;
import io.ticketing.seatlock.model.SeatConflict;
import io.vertx.mutiny.redis.client.Response;

/** The parts of script replies several scripts share. */
final class ScriptReplies {

    private ScriptReplies() {
    }

    /** {seat position (from 1), reason, ...} for the seats asked for, as conflicts. */
    static List<SeatConflict> conflicts(List<Seat> seats, Response positionsAndReasons) {
        List<SeatConflict> conflicts = new ArrayList<>();
        for (int i = 0; i < positionsAndReasons.size(); i += 2) {
            Seat seat = seats.get(positionsAndReasons.get(i).toInteger() - 1);
            conflicts.add(new SeatConflict(seat.row(), seat.number(), positionsAndReasons.get(i + 1).toString()));
        }
        return conflicts;
    }

    /**
     * The answers of scripts that look up a token: -2 expired or unknown, -3 someone else's, -9 its
     * record changed since it was read; null otherwise.
     */
    static <T> SeatOutcome<T> ownerRefusal(long code) {
        if (code == -9) {
            return new SeatOutcome.RecordChanged<>();
        }
        if (code == -2) {
            return new SeatOutcome.Expired<>();
        }
        if (code == -3) {
            return new SeatOutcome.NotOwner<>();
        }
        return null;
    }

    static List<String> seatKeys(long scheduleId, List<Seat> seats) {
        return seats.stream().map(seat -> SeatKeys.seat(scheduleId, seat)).toList();
    }

    static List<String> members(List<Seat> seats) {
        return seats.stream().map(Seat::member).toList();
    }

    static String millis(java.time.Duration duration) {
        return Long.toString(duration.toMillis());
    }

    static <T> List<T> concat(List<T> first, List<T> then) {
        List<T> all = new ArrayList<>(first.size() + then.size());
        all.addAll(first);
        all.addAll(then);
        return all;
    }
}
