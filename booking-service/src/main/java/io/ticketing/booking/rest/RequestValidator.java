package io.ticketing.booking.rest;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.ticketing.booking.booking.BookingCommand;
import io.ticketing.booking.catalogue.SeatMapPlan;
import io.ticketing.booking.config.BookingConfig;
import io.ticketing.booking.error.BookingException;
import io.ticketing.booking.error.ErrorCode;
import io.ticketing.booking.model.SeatRef;
import io.ticketing.booking.rest.Requests.BookingRequest;
import io.ticketing.platform.CommonError;

/** Checks a booking request before anything is claimed or written, so bad input changes nothing. */
@ApplicationScoped
class RequestValidator {

    static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;

    private final BookingConfig config;

    RequestValidator(BookingConfig config) {
        this.config = config;
    }

    BookingCommand booking(BookingRequest request, String idempotencyKey) {
        if (request == null) {
            throw new BookingException(CommonError.MISSING_FIELD, "body");
        }
        long eventId = positiveId(request.eventId(), "event_id");
        long scheduleId = positiveId(request.scheduleId(), "schedule_id");
        List<SeatRef> seats = seats(request.seats());
        String lockToken = request.lockToken();
        if (lockToken != null) {
            try {
                UUID.fromString(lockToken);
            } catch (IllegalArgumentException e) {
                throw new BookingException(CommonError.INVALID_FIELD, "lock_token");
            }
        }
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY_LENGTH)) {
            throw new BookingException(CommonError.INVALID_FIELD, "Idempotency-Key");
        }
        return new BookingCommand(eventId, scheduleId, seats, lockToken, idempotencyKey);
    }

    int page(Integer page) {
        if (page != null && page < 0) {
            throw new BookingException(CommonError.INVALID_FIELD, "page");
        }
        return page == null ? 0 : page;
    }

    int size(Integer size) {
        if (size != null && (size < 1 || size > config.maxPageSize())) {
            throw new BookingException(CommonError.INVALID_FIELD, "size");
        }
        return size == null ? 20 : size;
    }

    private static long positiveId(Long id, String field) {
        if (id == null) {
            throw new BookingException(CommonError.MISSING_FIELD, field);
        }
        if (id <= 0) {
            throw new BookingException(CommonError.INVALID_FIELD, field);
        }
        return id;
    }

    private List<SeatRef> seats(List<SeatRef> seats) {
        if (seats == null) {
            throw new BookingException(CommonError.MISSING_FIELD, "seats");
        }
        if (seats.isEmpty()) {
            throw new BookingException(ErrorCode.EMPTY_SEATS);
        }
        if (seats.size() > config.maxSeatsPerBooking()) {
            throw new BookingException(ErrorCode.TOO_MANY_SEATS, Integer.toString(config.maxSeatsPerBooking()));
        }
        Set<SeatRef> seen = new HashSet<>();
        for (SeatRef seat : seats) {
            if (seat == null || seat.row() == null || seat.number() == null) {
                throw new BookingException(CommonError.MISSING_FIELD, seat == null ? "seats[]" : seat.row() == null ? "row" : "number");
            }
            // One row rule for bookings and seat maps alike.
            SeatMapPlan.checkedRow(seat.row(), "row");
            if (seat.number() <= 0) {
                throw new BookingException(ErrorCode.INVALID_SEAT_NUMBER, seat.toString());
            }
            if (!seen.add(seat)) {
                throw new BookingException(ErrorCode.DUPLICATE_SEAT, seat.toString());
            }
        }
        return List.copyOf(seats);
    }
}
