package io.ticketing.booking.client;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;

import io.ticketing.booking.model.SeatConflict;
import io.ticketing.booking.model.SeatRef;

/**
 * Booking's own copies of the seat-lock-service messages it reads and writes (snake_case JSON).
 * The REST contract is the interface: contracts/seat-lock-internal-api.json, which SeatLockContractTest
 * checks these against (and seat-lock's InternalApiContractTest the service).
 */
public final class SeatLockDtos {

    private SeatLockDtos() {
    }

    public record ClaimRequest(long scheduleId, List<SeatRef> seats, String lockToken, String claimToken, String attempt) {
    }

    public record Claim(String claimToken, long scheduleId, List<SeatRef> seats, Instant expiresAt, long ttlMillis,
            long fencingToken) {
    }

    public record ConfirmRequest(long scheduleId, String claimToken, long bookingId, List<SeatRef> seats, Instant soldUntil) {
    }

    public record AbortRequest(long scheduleId, String claimToken, String attempt) {
    }

    public record CancelRequest(long scheduleId, long bookingId, List<SeatRef> seats) {
    }

    public record SeatCount(long scheduleId, int seats) {
    }

    public record HeldSeat(String row, int number, String status) {
    }

    public record HeldSeats(long scheduleId, List<HeldSeat> seats) {
    }

    /** Sold markers set again from this database: one booking and its seats. */
    public record SoldBooking(long bookingId, String userId, List<SeatRef> seats) {
    }

    /** A page of a schedule's sold bookings; {@code rebuild} when it is part of a whole-schedule rebuild. */
    public record SoldSeatsRequest(long scheduleId, Instant soldUntil, Rebuild rebuild, List<SoldBooking> bookings) {
    }

    public record Rebuild(String lease, boolean first, boolean last) {
    }

    /** {@code refused}: null, LEASE_LOST (start over) or LEASE_TAKEN (another replica rebuilds it). */
    /** Why seat-lock refused a page of a rebuild: another rebuild took it over, or its lease ran out. */
    public enum RebuildRefusal {
        LEASE_LOST, LEASE_TAKEN,
        /** A refusal this build does not know (a newer seat-lock): still a refusal, so the rebuild starts over. */
        UNKNOWN;

        @JsonCreator
        static RebuildRefusal of(String refusal) {
            return Arrays.stream(values()).filter(known -> known.name().equals(refusal)).findFirst().orElse(UNKNOWN);
        }
    }

    /** {@code refused}: null when the page was marked. */
    public record SoldSeatsAnswer(long scheduleId, int marked, RebuildRefusal refused) {
    }

    public record ScheduleIds(List<Long> scheduleIds) {
    }

    /** The parts of seat-lock's problem+json that booking acts on. */
    public record Problem(String code, List<SeatConflict> conflictingSeats, Instant salesOpenAt, Instant salesCloseAt) {
    }

    /** Seats of one row: the compact form in which seat maps travel. */
    public record SeatRow(String row, List<Integer> numbers) {
    }

    public record StagedSeats(long scheduleId, String staging, List<SeatRow> seats) {
    }

    public record StagedAnswer(long scheduleId, int staged) {
    }

    /** {@code seats}: how many seats were staged, so that seat-lock installs the map only if all of them arrived. */
    public record PublishSeatMap(long scheduleId, long version, Instant salesOpenAt, Instant salesCloseAt, Instant keepUntil,
            String staging, int seats, List<SeatRow> offSale) {
    }

    /** What a publication did at seat-lock. */
    public enum Publication {
        /** The window and the seat map are installed, under the version sent. */
        PUBLISHED,
        /** Nothing changed: seat-lock has an equal or newer version. */
        STALE,
        /** Nothing changed: seats the map takes off sale are held, claimed or sold ({@code seats_in_use}). */
        SEATS_IN_USE,
        /** An outcome this build does not know (a newer seat-lock): not a refusal, as before it was a type. */
        UNKNOWN;

        @JsonCreator
        static Publication of(String outcome) {
            return Arrays.stream(values()).filter(known -> known.name().equals(outcome)).findFirst().orElse(UNKNOWN);
        }
    }

    public record PublishAnswer(long scheduleId, Publication outcome, Long publishedVersion, List<SeatRef> seatsInUse) {
    }

    public record SeatMapVersion(long scheduleId, Long version) {
    }

    public record SeatMapVersions(List<SeatMapVersion> versions) {
    }
}
