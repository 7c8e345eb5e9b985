package io.ticketing.booking.booking;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.ticketing.booking.client.SeatLockClient;
import io.ticketing.booking.client.SeatLockDtos.Claim;
import io.ticketing.booking.config.BookingConfig;
import io.ticketing.booking.error.BookingException;
import io.ticketing.booking.error.ErrorCode;
import io.ticketing.booking.model.Booking;
import io.ticketing.booking.model.Schedule;
import io.ticketing.booking.model.Seat;
import io.ticketing.booking.model.SeatRef;

/**
 * What booking asks of seat-lock around its transactions: a claim before, then a confirm (sold) or
 * an abort (given back) after, and a cancel when a booking is cancelled. Only the claim's failure
 * reaches the caller; the others are settled quietly, retried in the background, since the database
 * already holds the truth and Redis only follows it.
 */
@ApplicationScoped
class SeatLockSteps {

    private final SeatLockClient seatLock;
    private final BookingConfig config;

    SeatLockSteps(SeatLockClient seatLock, BookingConfig config) {
        this.seatLock = seatLock;
        this.config = config;
    }

    Claim claim(Caller caller, BookingCommand command, String claimToken, String attempt) {
        try {
            return seatLock.claim(caller.bearer(), command.scheduleId(), command.seats(), command.lockToken(), claimToken,
                    attempt);
        } catch (BookingException e) {
            // seat-lock names the limit in its own words; the caller reads it in booking's.
            throw e.code() == ErrorCode.SEAT_LIMIT_REACHED
                    ? new BookingException(ErrorCode.SEAT_LIMIT_REACHED, Integer.toString(config.seatsPerUser()))
                    : e;
        }
    }

    void confirm(Caller caller, Schedule schedule, String claimToken, long bookingId, List<SeatRef> refs) {
        Instant soldUntil = schedule.startsAt.toInstant().plus(Schedule.SOLD_MARKERS_AFTER_START);
        try {
            seatLock.confirm(caller.bearer(), schedule.id, claimToken, bookingId, refs, soldUntil);
        } catch (RuntimeException e) {
            // The booking is committed; the database keeps it safe. Redis learns a little later that it
            // is sold, without holding up the answer (the claim guards the seats meanwhile).
            Log.warnf("Booking %d committed, seat-lock not told yet (trying again in the background): %s", bookingId,
                    e.toString());
            seatLock.confirmLater(caller.bearer(), schedule.id, claimToken, bookingId, refs, soldUntil)
                    .exceptionally(failure -> {
                        Log.warnf("Booking %d committed, but seat-lock did not mark it sold: %s", bookingId,
                                failure.toString());
                        return null;
                    });
        }
    }

    /** In the background: the caller's answer does not wait for the claim to be given back. */
    void abort(Caller caller, long scheduleId, String claimToken, String attempt) {
        seatLock.abort(caller.bearer(), scheduleId, claimToken, attempt).exceptionally(failure -> {
            Log.warnf("Could not give back claim %s… of schedule %d (it expires by itself): %s",
                    claimToken.substring(0, 8), scheduleId, failure.toString());
            return null;
        });
    }

    /** Also for a booking that was already cancelled: heals an earlier cancel that did not get through. */
    void cancel(Caller caller, Booking booking, List<Seat> seats) {
        try {
            seatLock.cancel(caller.bearer(), booking.scheduleId, booking.id, seats.stream().map(Seat::ref).toList());
        } catch (RuntimeException e) {
            Log.warnf("Booking %d cancelled, but seat-lock did not free its seats yet: %s", booking.id, e.toString());
        }
    }
}
