package io.ticketing.seatlock.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.ticketing.seatlock.hold.SeatOutcome;
import io.ticketing.seatlock.model.Seat;
import io.ticketing.seatlock.model.SeatConflict;
import io.vertx.mutiny.redis.client.Response;

/** The parts of script replies several scripts share. */
public final class ScriptReplies {

    private ScriptReplies() {
    }

    /** {seat position (from 1), reason, ...} for the seats asked for, as conflicts. */
    public static List<SeatConflict> conflicts(List<Seat> seats, Response positionsAndReasons) {
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
    public static <T> SeatOutcome<T> ownerRefusal(long code) {
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

    /** The refusals of common.lua's sale_refusal (-6, -7, -8, -10); null for any other answer. */
    public static <T> SeatOutcome<T> saleRefusal(int code, Response reply, List<Seat> seats) {
        return switch (code) {
            case -6 -> new SeatOutcome.ScheduleUnknown<>();
            case -7 -> new SeatOutcome.SalesNotOpen<>(Instant.ofEpochMilli(reply.get(1).toLong()));
            case -8 -> new SeatOutcome.SalesClosed<>(Instant.ofEpochMilli(reply.get(1).toLong()));
            case -10 -> {
                List<Seat> unknown = new ArrayList<>();
                for (Response position : reply.get(1)) {
                    unknown.add(seats.get(position.toInteger() - 1));
                }
                yield new SeatOutcome.SeatsUnknown<>(unknown);
            }
            default -> null;
        };
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
