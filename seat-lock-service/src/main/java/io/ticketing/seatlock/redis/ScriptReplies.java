package io.ticketing.seatlock.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.ticketing.seatlock.model.Seat;

/** The parts of script calls every feature's calls share: key lists, members, durations. */
public final class ScriptReplies {

    private ScriptReplies() {
    }

    public static List<String> seatKeys(long scheduleId, List<Seat> seats) {
        return seats.stream().map(seat -> SeatKeys.seat(scheduleId, seat)).toList();
    }

    public static List<String> members(List<Seat> seats) {
        return seats.stream().map(Seat::member).toList();
    }

    public static String millis(Duration duration) {
        return Long.toString(duration.toMillis());
    }

    public static <T> List<T> concat(List<T> first, List<T> then) {
        List<T> all = new ArrayList<>(first.size() + then.size());
        all.addAll(first);
        all.addAll(then);
        return all;
    }
}
