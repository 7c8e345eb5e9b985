package io.ticketing.seatlock.rest;

import java.time.Instant;
import java.util.List;

import io.ticketing.seatlock.hold.Hold;
import io.ticketing.seatlock.model.Seat;
import io.ticketing.seatlock.model.SeatState;
import io.ticketing.seatlock.sale.SeatMaps;

/** Response bodies, snake_case on the wire. */
final class Responses {

    private Responses() {
    }

    record LockResponse(String lockToken, long scheduleId, List<Seat> seats, Instant expiresAt, long fencingToken) {
        static LockResponse of(Hold hold) {
            return new LockResponse(hold.token(), hold.scheduleId(), hold.seats(), hold.expiresAt(), hold.fencingToken());
        }
    }

    record VerifyResponse(boolean valid, List<SeatState> seats, Instant expiresAt) {
    }

    record ExtendResponse(String lockToken, long scheduleId, Instant expiresAt) {
    }

    record ReleaseResponse(String lockToken, long scheduleId, List<Seat> released) {
    }

    record HeldSeatsResponse(long scheduleId, List<SeatState> seats) {
    }

    record ClaimResponse(String claimToken, long scheduleId, List<Seat> seats, Instant expiresAt, long ttlMillis,
            long fencingToken) {
    }

    record CountResponse(long scheduleId, int seats) {
    }

    /** {@code refused}: null, or LEASE_LOST (start the rebuild over) or LEASE_TAKEN (another rebuild runs). */
    record SoldSeatsResponse(long scheduleId, int marked, String refused) {
    }

    record ScheduleIdsResponse(List<Long> scheduleIds) {
    }

    record StagedSeatsResponse(long scheduleId, int staged) {
    }

    /** {@code outcome}: PUBLISHED, STALE (an equal or newer version is there) or SEATS_IN_USE. */
    record PublishSeatMapResponse(long scheduleId, SeatMaps.Publication outcome, Long publishedVersion, List<Seat> seatsInUse) {
    }

    /** Each schedule's published seat-map version; null for one seat-lock does not have. */
    record SeatMapVersion(long scheduleId, Long version) {
    }

    record SeatMapVersionsResponse(List<SeatMapVersion> versions) {
    }
}
