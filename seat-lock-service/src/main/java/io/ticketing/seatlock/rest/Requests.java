package io.ticketing.seatlock.rest;

import java.time.Instant;
import java.util.List;

import io.ticketing.seatlock.model.Seat;

/** Request bodies, snake_case on the wire. Fields are boxed so that a missing one is seen as null. */
final class Requests {

    private Requests() {
    }

    record LockRequest(Long eventId, Long scheduleId, List<Seat> seats) {
    }

    record VerifyRequest(Long scheduleId, List<Seat> seats, String lockToken) {
    }

    record ExtendRequest(Long scheduleId, String lockToken) {
    }

    record ReleaseRequest(Long scheduleId, String lockToken, List<Seat> seats) {
    }

    record ClaimRequest(Long scheduleId, List<Seat> seats, String lockToken, String claimToken, String attempt) {
    }

    /** {@code soldUntil}, optional: when the sold markers may go (after the show); absent, never. */
    record ConfirmRequest(Long scheduleId, String claimToken, Long bookingId, List<Seat> seats, Instant soldUntil) {
    }

    record AbortRequest(Long scheduleId, String claimToken, String attempt) {
    }

    record CancelBookingRequest(Long scheduleId, Long bookingId, List<Seat> seats) {
    }

    /** A page of sold bookings of one schedule, from booking's database; {@code rebuild} for a whole-schedule rebuild. */
    record SoldSeatsRequest(Long scheduleId, Instant soldUntil, Rebuild rebuild, List<SoldBookingRequest> bookings) {
    }

    record Rebuild(String lease, boolean first, boolean last) {
    }

    record SoldBookingRequest(Long bookingId, String userId, List<Seat> seats) {
    }

    record ScheduleIdsRequest(List<Long> scheduleIds) {
    }

    /** Seats of one row, the compact form of seat maps. */
    record SeatRow(String row, List<Integer> numbers) {
    }

    record StagedSeatsRequest(Long scheduleId, String staging, List<SeatRow> seats) {
    }

    /** {@code seats}: how many seats were staged; the map is installed only if all arrived. */
    record PublishSeatMapRequest(Long scheduleId, Long version, Instant salesOpenAt, Instant salesCloseAt, Instant keepUntil,
            String staging, Integer seats, List<SeatRow> offSale) {
    }
}
