package io.ticketing.seatlock.rest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.ticketing.platform.CommonError;
import io.ticketing.seatlock.config.SeatLockConfig;
import io.ticketing.seatlock.error.ErrorCode;
import io.ticketing.seatlock.error.SeatLockException;
import io.ticketing.seatlock.model.Seat;

/**
 * Checks request fields before anything touches Redis, so bad input changes nothing. Each rule has
 * its own error code; the detail names the field or seat at fault.
 */
@ApplicationScoped
class RequestValidator {

    static final int MAX_ROW_LENGTH = 16;

    private final SeatLockConfig config;

    RequestValidator(SeatLockConfig config) {
        this.config = config;
    }

    <T> T body(T body) {
        if (body == null) {
            throw new SeatLockException(CommonError.MISSING_FIELD, "body");
        }
        return body;
    }

    long positiveId(Long id, String field) {
        if (id == null) {
            throw new SeatLockException(CommonError.MISSING_FIELD, field);
        }
        if (id <= 0) {
            throw new SeatLockException(CommonError.INVALID_FIELD, field);
        }
        return id;
    }

    /** Distinct positive schedule ids, at most {@code max} of them. */
    List<Long> scheduleIds(List<Long> ids, int max) {
        if (ids == null) {
            throw new SeatLockException(CommonError.MISSING_FIELD, "schedule_ids");
        }
        if (ids.size() > max) {
            throw new SeatLockException(CommonError.INVALID_FIELD, "schedule_ids");
        }
        return ids.stream().map(id -> positiveId(id, "schedule_ids[]")).distinct().toList();
    }

    void optionalPositiveId(Long id, String field) {
        if (id != null) {
            positiveId(id, field);
        }
    }

    String token(String token, String field) {
        if (token == null || token.isBlank()) {
            throw new SeatLockException(CommonError.MISSING_FIELD, field);
        }
        try {
            UUID.fromString(token);
        } catch (IllegalArgumentException e) {
            throw new SeatLockException(CommonError.INVALID_FIELD, field);
        }
        return token;
    }

    /** A non-empty list of distinct, well-formed seats, no longer than the configured maximum. */
    List<Seat> seats(List<Seat> seats) {
        if (seats == null) {
            throw new SeatLockException(CommonError.MISSING_FIELD, "seats");
        }
        if (seats.isEmpty()) {
            throw new SeatLockException(ErrorCode.EMPTY_SEATS);
        }
        return optionalSeats(seats);
    }

    /** Like {@link #seats} but an absent or empty list is allowed (it means "all seats"). */
    List<Seat> optionalSeats(List<Seat> seats) {
        if (seats == null) {
            return List.of();
        }
        if (seats.size() > config.maxSeatsPerRequest()) {
            throw new SeatLockException(ErrorCode.TOO_MANY_SEATS, Integer.toString(config.maxSeatsPerRequest()));
        }
        Set<String> seen = new HashSet<>();
        for (Seat seat : seats) {
            check(seat);
            if (!seen.add(seat.member())) {
                throw new SeatLockException(ErrorCode.DUPLICATE_SEAT, seat.toString());
            }
        }
        return List.copyOf(seats);
    }

    /**
     * Seats given as rows of numbers ({@code {"row":"1열","numbers":[1,2,3]}}), the compact form of
     * seat maps: well-formed and distinct, at most {@code max} of them.
     */
    List<Seat> seatRows(List<Requests.SeatRow> rows, String field, int max) {
        if (rows == null) {
            return List.of();
        }
        List<Seat> seats = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Requests.SeatRow row : rows) {
            if (row == null || row.numbers() == null) {
                throw new SeatLockException(CommonError.MISSING_FIELD, field + "[].numbers");
            }
            if (seats.size() + row.numbers().size() > max) {
                throw new SeatLockException(ErrorCode.TOO_MANY_SEATS, Integer.toString(max));
            }
            for (Integer number : row.numbers()) {
                Seat seat = new Seat(row.row(), number);
                check(seat);
                if (!seen.add(seat.member())) {
                    throw new SeatLockException(ErrorCode.DUPLICATE_SEAT, seat.toString());
                }
                seats.add(seat);
            }
        }
        return seats;
    }

    private static void check(Seat seat) {
        if (seat == null) {
            throw new SeatLockException(CommonError.MISSING_FIELD, "seats[]");
        }
        if (seat.row() == null) {
            throw new SeatLockException(CommonError.MISSING_FIELD, "row");
        }
        if (seat.number() == null) {
            throw new SeatLockException(CommonError.MISSING_FIELD, "number");
        }
        String row = seat.row().strip();
        if (row.isEmpty() || seat.row().codePointCount(0, seat.row().length()) > MAX_ROW_LENGTH
                || !row.equals(seat.row()) || seat.row().chars().anyMatch(Character::isISOControl)) {
            throw new SeatLockException(ErrorCode.INVALID_ROW, "\"" + printable(seat.row()) + "\"");
        }
        if (seat.number() <= 0) {
            throw new SeatLockException(ErrorCode.INVALID_SEAT_NUMBER, seat.toString());
        }
    }

    private static String printable(String row) {
        String shown = row.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return shown.length() > 20 ? shown.substring(0, 20) + "…" : shown;
    }
}
