package io.ticketing.booking.service;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

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
import io.ticketing.booking.repository.BookedSeatRepository;
import io.ticketing.booking.repository.BookingRepository;
import io.ticketing.booking.repository.ScheduleRepository;

/**
 * The booking flow. The seat-lock claim comes first (the caller's hold, or free seats, become a
 * claim nobody else can lock), then one short transaction writes the booking, then the claim is
 * settled: confirmed as sold after a commit, given back after a failure. The database's unique
 * index is the final guarantee against a double sale, whatever Redis says.
 */
@ApplicationScoped
public class BookingService {

    /**
     * How long after the show seat-lock keeps a seat marked sold. Past that nobody books it any more,
     * and should someone try, the database still refuses: the markers only spare it the work.
     */
    static final Duration SOLD_MARKERS_AFTER_START = Duration.ofDays(1);

    private final SeatLockClient seatLock;
    private final BookingWriter writer;
    private final ScheduleRepository schedules;
    private final BookingRepository bookings;
    private final BookedSeatRepository bookedSeats;
    private final BookingMetrics metrics;
    private final BookingConfig config;
    private final AdmissionGate gate;

    BookingService(SeatLockClient seatLock, BookingWriter writer, ScheduleRepository schedules, BookingRepository bookings,
            BookedSeatRepository bookedSeats, BookingMetrics metrics, BookingConfig config, AdmissionGate gate) {
        this.gate = gate;
        this.seatLock = seatLock;
        this.writer = writer;
        this.schedules = schedules;
        this.bookings = bookings;
        this.bookedSeats = bookedSeats;
        this.metrics = metrics;
        this.config = config;
    }

    /**
     * Books, answering within {@code booking.request-timeout} or the shorter {@code budget} the
     * gateway granted: a booking that cannot finish in time is refused (503) before it claims, and
     * never committed after its deadline.
     */
    public BookingOutcome book(String userId, String bearer, BookingCommand command, Optional<Duration> budget) {
        long started = System.nanoTime();
        Duration allowed = budget.filter(granted -> granted.compareTo(config.requestTimeout()) < 0)
                .orElse(config.requestTimeout());
        Deadline deadline = Deadline.in(allowed);
        try {
            BookingOutcome outcome = gate.admit(deadline.minus(config.stepsAfterAdmission()),
                    () -> bookOnce(userId, bearer, command, deadline));
            if (!outcome.replayed()) {
                metrics.confirmed(Duration.ofNanos(System.nanoTime() - started));
            }
            return outcome;
        } catch (BookingException e) {
            metrics.rejected(e.code(), Duration.ofNanos(System.nanoTime() - started));
            throw e;
        }
    }

    private BookingOutcome bookOnce(String userId, String bearer, BookingCommand command, Deadline deadline) {
        Schedule schedule = schedules.findByIdOptional(command.scheduleId())
                .filter(found -> found.eventId == command.eventId())
                .orElseThrow(() -> new BookingException(ErrorCode.SCHEDULE_NOT_FOUND, Long.toString(command.scheduleId())));
        Optional<BookingOutcome> replay = replayOf(userId, command);
        if (replay.isPresent()) {
            return replay.get();
        }

        String claimToken = claimTokenFor(userId, command);
        // This attempt's own name at seat-lock: its abort undoes only its own part in a claim that a
        // twin or a retry may share, and a claim of this attempt that arrives after its abort takes nothing.
        String attempt = UUID.randomUUID().toString();
        long claimedAt = System.nanoTime();
        Claim claim;
        try {
            claim = seatLock.claim(bearer, schedule.id, command.seats(), command.lockToken(), claimToken, attempt);
        } catch (BookingException e) {
            // A twin request (same user and Idempotency-Key) may have booked these seats meanwhile.
            return twinBooking(userId, command).orElseThrow(() -> e);
        } catch (RuntimeException e) {
            // The claim may have been made even though its answer was lost: give it back.
            abortQuietly(bearer, schedule.id, claimToken, attempt);
            throw e;
        }
        Deadline claimSafe = new Deadline(claimedAt + Duration.ofMillis(claim.ttlMillis()).minus(config.claimSafetyMargin())
                .toNanos());

        BookingDetails written;
        try {
            written = writer.write(userId, command, claim.fencingToken(),
                    new CommitDeadlines(claimSafe, deadline.minus(config.afterCommit())));
        } catch (RuntimeException e) {
            BookingException translated = e instanceof BookingException domain ? domain : DatabaseFailures.translate(e);
            if (translated != null && translated.code() == ErrorCode.SEAT_ALREADY_BOOKED && translated.conflicts().isEmpty()) {
                translated = writer.soldConflict(schedule.id, command.seats());
            }
            if (translated != null) {
                // A twin committed first, under the claim they share: answer with its booking, and
                // leave the claim for the twin to confirm.
                Optional<BookingOutcome> twin = twinBooking(userId, command);
                if (twin.isPresent()) {
                    return twin.get();
                }
            }
            abortQuietly(bearer, schedule.id, claimToken, attempt);
            // IDEMPOTENCY_KEY_REUSED here means a request with another body took the key meanwhile: 422.
            throw translated == null ? e : translated;
        }
        Log.debugf("Booked %s of schedule %d for %s as booking %d (fence %d)", command.seats(), schedule.id, userId,
                written.booking().id, claim.fencingToken());
        confirmQuietly(bearer, schedule, claimToken, written.booking().id, command.seats());
        return new BookingOutcome(written, false);
    }

    public BookingDetails get(String userId, long bookingId) {
        Booking booking = bookings.findOwned(bookingId, userId)
                .orElseThrow(() -> new BookingException(ErrorCode.BOOKING_NOT_FOUND, Long.toString(bookingId)));
        return withSeats(List.of(booking)).get(0);
    }

    public List<BookingDetails> page(String userId, int page, int size) {
        return withSeats(bookings.pageOf(userId, page, size));
    }

    public long count(String userId) {
        return bookings.countOf(userId);
    }

    public BookingDetails cancel(String userId, String bearer, long bookingId) {
        BookingDetails cancelled = writer.cancel(userId, bookingId);
        metrics.cancelled();
        // Also for a booking that was already cancelled: heals an earlier release that did not get through.
        List<SeatRef> refs = cancelled.seats().stream().map(Seat::ref).toList();
        try {
            seatLock.cancel(bearer, cancelled.booking().scheduleId, bookingId, refs);
        } catch (RuntimeException e) {
            Log.warnf("Booking %d cancelled, but seat-lock did not free its seats yet: %s", bookingId, e.toString());
        }
        return cancelled;
    }

    /**
     * The claim token: random, or for a request with an Idempotency-Key derived from the user, the
     * key and the body, so that twin requests (a double click, a retry after a lost answer) share one
     * claim at seat-lock instead of locking each other out; the database then lets one of them write.
     */
    private static String claimTokenFor(String userId, BookingCommand command) {
        if (command.idempotencyKey() == null) {
            return UUID.randomUUID().toString();
        }
        String identity = userId + "\n" + command.idempotencyKey() + "\n" + command.requestHash();
        return UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The booking stored earlier under this request's Idempotency-Key; 422 if it was for another body. */
    private Optional<BookingOutcome> replayOf(String userId, BookingCommand command) {
        Optional<Booking> stored = storedUnderKey(userId, command);
        if (stored.isPresent() && !stored.get().requestHash.equals(command.requestHash())) {
            throw new BookingException(ErrorCode.IDEMPOTENCY_KEY_REUSED);
        }
        return stored.map(this::replayed);
    }

    /** The booking a twin request (same user, Idempotency-Key and body) has stored meanwhile, if any. */
    private Optional<BookingOutcome> twinBooking(String userId, BookingCommand command) {
        return storedUnderKey(userId, command).filter(stored -> stored.requestHash.equals(command.requestHash()))
                .map(this::replayed);
    }

    private Optional<Booking> storedUnderKey(String userId, BookingCommand command) {
        return command.idempotencyKey() == null ? Optional.empty()
                : bookings.findByIdempotencyKey(userId, command.idempotencyKey());
    }

    private BookingOutcome replayed(Booking stored) {
        return new BookingOutcome(withSeats(List.of(stored)).get(0), true);
    }

    private List<BookingDetails> withSeats(List<Booking> list) {
        Map<Long, List<Seat>> seatsByBooking = bookedSeats.seatsOf(list.stream().map(booking -> booking.id).toList());
        return list.stream().map(booking -> new BookingDetails(booking, seatsByBooking.getOrDefault(booking.id, List.of())))
                .toList();
    }

    private void confirmQuietly(String bearer, Schedule schedule, String claimToken, long bookingId, List<SeatRef> refs) {
        Instant soldUntil = schedule.startsAt.toInstant().plus(SOLD_MARKERS_AFTER_START);
        try {
            seatLock.confirm(bearer, schedule.id, claimToken, bookingId, refs, soldUntil);
        } catch (RuntimeException e) {
            // The booking is committed; the database keeps it safe. Redis learns a little later that it
            // is sold, without holding up the answer (the claim guards the seats meanwhile).
            Log.warnf("Booking %d committed, seat-lock not told yet (trying again in the background): %s", bookingId,
                    e.toString());
            seatLock.confirmLater(bearer, schedule.id, claimToken, bookingId, refs, soldUntil).exceptionally(failure -> {
                Log.warnf("Booking %d committed, but seat-lock did not mark it sold: %s", bookingId, failure.toString());
                return null;
            });
        }
    }

    private void abortQuietly(String bearer, long scheduleId, String claimToken, String attempt) {
        seatLock.abort(bearer, scheduleId, claimToken, attempt).exceptionally(failure -> {
            Log.warnf("Could not give back claim %s… of schedule %d (it expires by itself): %s",
                    claimToken.substring(0, 8), scheduleId, failure.toString());
            return null;
        });
    }
}
