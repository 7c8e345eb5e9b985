package io.ticketing.seatlock.hold;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.ticketing.seatlock.model.Seat;
import io.ticketing.seatlock.model.SeatConflict;
import io.vertx.mutiny.redis.client.Response;

/** The parts of the hold scripts' replies several of them share: conflicts and refusals. */
final class HoldReplies {

    private HoldReplies() {
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

    /** The refusals of common.lua's sale_refusal (-6, -7, -8, -10); null for any other answer. */
    static <T> SeatOutcome<T> saleRefusal(int code, Response reply, List<Seat> seats) {
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
}
