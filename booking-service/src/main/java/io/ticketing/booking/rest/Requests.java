package io.ticketing.booking.rest;

import java.util.List;

import io.ticketing.booking.model.SeatRef;

/** Request bodies, snake_case on the wire. Fields are boxed so that a missing one is seen as null. */
final class Requests {

    private Requests() {
    }

    record BookingRequest(Long eventId, Long scheduleId, List<SeatRef> seats, String lockToken) {
    }
}
