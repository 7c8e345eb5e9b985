package io.ticketing.seatlock.hold;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.ticketing.seatlock.model.Seat;
import io.ticketing.seatlock.model.SeatConflict;

/**
 * What a script that takes or changes seats answered: granted (with what it gives), or why not.
 * The script call decodes the reply into one of these; {@link SeatLockService} decides what each
 * means for the caller.
 */
sealed interface SeatOutcome<T> {

    record Granted<T>(T value) implements SeatOutcome<T> {
    }

    /** Some seats are held by someone else, in a booking's claim, or sold. */
    record Conflict<T>(List<SeatConflict> seats) implements SeatOutcome<T> {
    }

    /** The hold or claim named has ended, or never was (or this booking attempt already gave up). */
    record Expired<T>() implements SeatOutcome<T> {
    }

    /** The hold or claim named is someone else's. */
    record NotOwner<T>() implements SeatOutcome<T> {
    }

    /** The user would hold or own more seats of the schedule than one person may. */
    record SeatLimitReached<T>(int limit) implements SeatOutcome<T> {
    }

    /** The user's hold time in the schedule is used up; a new window opens after {@code retryAfter}. */
    record HoldTimeUsedUp<T>(Duration retryAfter) implements SeatOutcome<T> {
    }

    /** The hold cannot be extended past the user's cap. */
    record ExtensionCapReached<T>() implements SeatOutcome<T> {
    }

    /**
     * The hold or claim record changed between the read of its seats and the script that declared
     * them ({@link RecordSeats}): read it again.
     */
    record RecordChanged<T>() implements SeatOutcome<T> {
    }

    /** booking never published this schedule to seat-lock: there is no such sale. */
    record ScheduleUnknown<T>() implements SeatOutcome<T> {
    }

    /** The schedule's sales open at {@code opensAt}. */
    record SalesNotOpen<T>(Instant opensAt) implements SeatOutcome<T> {
    }

    /** The schedule's sales closed at {@code closedAt}. */
    record SalesClosed<T>(Instant closedAt) implements SeatOutcome<T> {
    }

    /** These seats are not in the schedule's seat map. */
    record SeatsUnknown<T>(List<Seat> seats) implements SeatOutcome<T> {
    }

    /** The claim token already names other seats. */
    record ClaimTokenReused<T>() implements SeatOutcome<T> {
    }
}
