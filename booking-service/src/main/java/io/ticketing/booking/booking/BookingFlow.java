package io.ticketing.booking.booking;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.ticketing.booking.client.SeatLockDtos.Claim;
import io.ticketing.booking.config.BookingConfig;
import io.ticketing.booking.error.BookingException;
import io.ticketing.booking.error.ErrorCode;
import io.ticketing.booking.model.Schedule;
import io.ticketing.booking.repository.ScheduleRepository;

/**
 * One booking, step by step. The seat-lock claim comes first (the caller's hold, or free seats,
 * become a claim nobody else can lock), then one short transaction writes the booking, then the
 * claim is settled: confirmed as sold after a commit, given back after a failure. The database's
 * unique index is the final guarantee against a double sale, whatever Redis says.
 */
@ApplicationScoped
class BookingFlow {

    /** The least time the look-up after an uncertain commit may wait for the seat rows. */
    private static final Duration LEAST_OUTCOME_CHECK = Duration.ofMillis(200);

    private final SeatLockSteps seatLock;
    private final BookingWriter writer;
    private final ScheduleRepository schedules;
    private final IdempotentReplays replays;
    private final BookingConfig config;

    BookingFlow(SeatLockSteps seatLock, BookingWriter writer, ScheduleRepository schedules, IdempotentReplays replays,
            BookingConfig config) {
        this.seatLock = seatLock;
        this.writer = writer;
        this.schedules = schedules;
        this.replays = replays;
        this.config = config;
    }

    BookingOutcome book(Caller caller, BookingCommand command, Deadline deadline) {
        Schedule schedule = schedules.findByIdOptional(command.scheduleId())
                .filter(found -> found.eventId == command.eventId())
                .orElseThrow(() -> new BookingException(ErrorCode.SCHEDULE_NOT_FOUND, Long.toString(command.scheduleId())));
        Optional<BookingOutcome> replay = replays.earlier(caller.userId(), command);
        if (replay.isPresent()) {
            return replay.get();
        }
        // After the replay: a retry of a booking made in time gets its booking, even after sales closed.
        schedule.checkOnSale(Instant.now());

        String claimToken = replays.claimTokenFor(caller.userId(), command);
        // This attempt's own name at seat-lock: its abort undoes only its own part in a claim that a
        // twin or a retry may share, and a claim of this attempt that arrives after its abort takes nothing.
        Attempt attempt = new Attempt(caller, schedule, command, claimToken, UUID.randomUUID().toString());
        long claimedAt = System.nanoTime();
        Claim claim;
        try {
            claim = seatLock.claim(caller, command, claimToken, attempt.name());
        } catch (BookingException e) {
            // A twin request (same user and Idempotency-Key) may have booked these seats meanwhile.
            return replays.twin(caller.userId(), command).orElseThrow(() -> e);
        } catch (RuntimeException e) {
            // The claim may have been made even though its answer was lost: give it back.
            abort(attempt);
            throw e;
        }
        Deadline claimSafe = new Deadline(claimedAt + Duration.ofMillis(claim.ttlMillis()).minus(config.claimSafetyMargin())
                .toNanos());

        BookingDetails written;
        try {
            written = writer.write(caller.userId(), command, claim.fencingToken(),
                    new CommitDeadlines(claimSafe, deadline.minus(config.afterCommit())));
        } catch (CommitUncertain e) {
            written = afterUncertainCommit(attempt, claim, deadline, e);
        } catch (RuntimeException e) {
            return afterFailedWrite(attempt, e);
        }
        Log.debugf("Booked %s of schedule %d for %s as booking %d (fence %d)", command.seats(), schedule.id,
                caller.userId(), written.booking().id, claim.fencingToken());
        seatLock.confirm(caller, schedule, claimToken, written.booking().id, command.seats());
        return new BookingOutcome(written, false);
    }

    /**
     * The transaction failed before its commit: nothing of it is stored. A twin sharing the claim may
     * have booked the seats meanwhile (then its booking is the answer); otherwise the claim is given
     * back and the caller learns why.
     */
    private BookingOutcome afterFailedWrite(Attempt attempt, RuntimeException failure) {
        BookingException translated = failure instanceof BookingException domain ? domain : DatabaseFailures.translate(failure);
        if (translated != null && translated.code() == ErrorCode.SEAT_ALREADY_BOOKED && translated.conflicts().isEmpty()) {
            translated = writer.soldConflict(attempt.schedule().id, attempt.command().seats());
        }
        if (translated != null) {
            // A twin committed first, under the claim they share: answer with its booking, and
            // leave the claim for the twin to confirm.
            Optional<BookingOutcome> twin = replays.twin(attempt.caller().userId(), attempt.command());
            if (twin.isPresent()) {
                return twin.get();
            }
        }
        abort(attempt);
        // IDEMPOTENCY_KEY_REUSED here means a request with another body took the key meanwhile: 422.
        throw translated == null ? failure : translated;
    }

    /**
     * The commit failed without saying whether it landed (the connection dropped while PostgreSQL
     * committed). A 503 must mean that nothing was stored, so look before answering: stored, it is
     * a booking like any other; not stored, the claim goes back and the answer is 503. When even
     * the look-up fails, the truth is unknown: the claim is left to expire by itself (it may guard
     * a stored booking) and the caller is told to look at their bookings or repeat the request.
     */
    private BookingDetails afterUncertainCommit(Attempt attempt, Claim claim, Deadline deadline, CommitUncertain failure) {
        Duration wait = deadline.remaining().minus(config.afterCommit());
        Optional<BookingDetails> stored;
        try {
            stored = writer.committedUnder(attempt.caller().userId(), attempt.command(), claim.fencingToken(),
                    wait.compareTo(LEAST_OUTCOME_CHECK) < 0 ? LEAST_OUTCOME_CHECK : wait);
        } catch (RuntimeException lookupFailed) {
            Log.errorf("Booking of %s in schedule %d: commit failed (%s) and its outcome could not be looked up (%s)",
                    attempt.command().seats(), attempt.schedule().id, failure.getCause(), lookupFailed.toString());
            throw new BookingException(ErrorCode.BOOKING_OUTCOME_UNKNOWN);
        }
        if (stored.isPresent()) {
            Log.warnf("Booking %d: its commit's answer was lost, but the booking is stored", stored.get().booking().id);
            return stored.get();
        }
        Log.warnf("Booking of %s in schedule %d: commit failed, nothing stored: %s", attempt.command().seats(),
                attempt.schedule().id, failure.getCause());
        abort(attempt);
        throw new BookingException(ErrorCode.DATABASE_UNAVAILABLE);
    }

    private void abort(Attempt attempt) {
        seatLock.abort(attempt.caller(), attempt.schedule().id, attempt.claimToken(), attempt.name());
    }

    /** One try at a booking: who, what, under which claim token, and its own name at seat-lock. */
    private record Attempt(Caller caller, Schedule schedule, BookingCommand command, String claimToken, String name) {
    }
}
