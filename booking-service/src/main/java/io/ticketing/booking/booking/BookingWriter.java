package io.ticketing.booking.booking;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.ticketing.booking.config.BookingConfig;
import io.ticketing.booking.error.BookingException;
import io.ticketing.booking.error.ErrorCode;
import io.ticketing.booking.model.BookedSeat;
import io.ticketing.booking.model.Booking;
import io.ticketing.booking.model.BookingStatus;
import io.ticketing.booking.model.Seat;
import io.ticketing.booking.model.SeatConflict;
import io.ticketing.booking.model.SeatRef;
import io.ticketing.booking.repository.BookedSeatRepository;
import io.ticketing.booking.repository.BookingRepository;
import io.ticketing.booking.repository.SeatRepository;

/**
 * The short transactions that write bookings. Nothing here calls another service: the seat-lock
 * claim is made before and settled after, so a slow neighbour never holds a row lock.
 */
@ApplicationScoped
public class BookingWriter {

    private final SeatRepository seats;
    private final BookedSeatRepository bookedSeats;
    private final BookingRepository bookings;
    private final BookingConfig config;

    BookingWriter(SeatRepository seats, BookedSeatRepository bookedSeats, BookingRepository bookings, BookingConfig config) {
        this.seats = seats;
        this.bookedSeats = bookedSeats;
        this.bookings = bookings;
        this.config = config;
    }

    /**
     * Locks the named seat rows (found by position, in the same statement), checks all exist and
     * none was booked under a newer fencing token, writes the booking (the unique index refuses a
     * seat that is sold: see {@link #soldConflict}), and commits only if the claim that guards it is
     * still comfortably alive and the request's answer can still reach the caller in time. Waits
     * for row locks no longer than either allows.
     *
     * @throws CommitUncertain when the commit itself failed: PostgreSQL may have stored the booking
     *         or not (a connection lost during COMMIT does not say); {@link #committedUnder} finds out
     */
    public BookingDetails write(String userId, BookingCommand command, long fencingToken, CommitDeadlines commitBy) {
        AtomicBoolean reachedCommit = new AtomicBoolean();
        // Its own transaction, or the caller's if one runs (the warm-up's, which it rolls back).
        try {
            return QuarkusTransaction.joiningExisting().call(() -> {
                BookingDetails written = writeRows(userId, command, fencingToken, commitBy);
                reachedCommit.set(true);
                return written;
            });
        } catch (RuntimeException e) {
            if (reachedCommit.get()) {
                throw new CommitUncertain(e);
            }
            throw e;
        }
    }

    /**
     * Whether a booking whose commit failed was stored after all: waits for the seat rows (the
     * transaction that lost its connection holds them until PostgreSQL has committed or rolled it
     * back), then looks for the booking under its fencing token. On a second connection, after the
     * first one failed; waits for the rows no longer than {@code lockWait}.
     */
    @Transactional
    public Optional<BookingDetails> committedUnder(String userId, BookingCommand command, long fencingToken,
            Duration lockWait) {
        seats.setLockTimeout(Math.max(1, lockWait.toMillis()));
        List<Seat> locked = seats.lockAt(command.scheduleId(), command.seats());
        return bookings.findCommitted(userId, command.scheduleId(), fencingToken)
                .map(booking -> new BookingDetails(booking, locked.stream().sorted(Seat.DISPLAY_ORDER).toList()));
    }

    private BookingDetails writeRows(String userId, BookingCommand command, long fencingToken, CommitDeadlines commitBy) {
        long lockWait = Math.min(config.lockTimeout().toMillis(), commitBy.earliest().remaining().toMillis());
        if (lockWait <= 0) {
            throw commitBy.refusal();
        }
        seats.setLockTimeout(lockWait);
        List<Seat> locked = seats.lockAt(command.scheduleId(), command.seats());
        if (locked.size() != command.seats().size()) {
            SeatRef missing = command.seats().stream().filter(ref -> locked.stream().noneMatch(seat -> seat.ref().equals(ref)))
                    .findFirst().orElseThrow();
            throw new BookingException(ErrorCode.SEAT_NOT_FOUND, missing.toString());
        }

        // Per user and schedule: seat-lock counts held and claimed seats too; this is the database's
        // own count of what the user bought, for a Redis that lost it.
        int limit = config.seatsPerUser();
        if (!bookedSeats.countAgainstLimit(userId, command.scheduleId(), command.seats().size(), limit)) {
            throw new BookingException(ErrorCode.SEAT_LIMIT_REACHED, Integer.toString(limit));
        }

        // No query for "already sold?": the unique index on active booked seats answers that at the
        // flush below (one statement fewer per booking); soldConflict tells the caller which seats.
        Set<Long> stale = Set.copyOf(locked.stream().filter(seat -> seat.lastFencingToken >= fencingToken)
                .map(seat -> seat.id).toList());
        if (!stale.isEmpty()) {
            // A later claim already booked (and maybe cancelled) these seats: this one is out of date.
            throw new BookingException(ErrorCode.SEAT_ALREADY_LOCKED, null, conflicts(locked, stale, "LOCKED"));
        }

        Booking booking = new Booking();
        booking.userId = userId;
        booking.scheduleId = command.scheduleId();
        booking.status = BookingStatus.CONFIRMED;
        booking.fencingToken = fencingToken;
        booking.idempotencyKey = command.idempotencyKey();
        booking.requestHash = command.requestHash();
        booking.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        bookings.persist(booking);
        for (Seat seat : locked) {
            BookedSeat row = new BookedSeat();
            row.bookingId = booking.id;
            row.seatId = seat.id;
            row.active = true;
            bookedSeats.persist(row);
            seat.lastFencingToken = fencingToken;
        }
        bookings.flush();

        if (commitBy.earliest().passed()) {
            throw commitBy.refusal();
        }
        return new BookingDetails(booking, locked.stream().sorted(Seat.DISPLAY_ORDER).toList());
    }

    /**
     * The refusal for a booking the unique index stopped because some of its seats were sold
     * meanwhile, naming those seats. Reads outside the failed transaction, after its rollback.
     */
    public BookingException soldConflict(long scheduleId, List<SeatRef> refs) {
        List<Seat> wanted = seats.find(scheduleId, refs);
        Set<Long> sold = Set.copyOf(bookedSeats.activeAmong(wanted.stream().map(seat -> seat.id).toList()));
        return new BookingException(ErrorCode.SEAT_ALREADY_BOOKED, null, conflicts(wanted, sold, "BOOKED"));
    }

    /** Cancels the user's booking; cancelling a cancelled booking changes nothing. */
    @Transactional
    public BookingDetails cancel(String userId, long bookingId) {
        Booking booking = bookings.findOwnedForUpdate(bookingId, userId)
                .orElseThrow(() -> new BookingException(ErrorCode.BOOKING_NOT_FOUND, Long.toString(bookingId)));
        if (booking.status == BookingStatus.CONFIRMED) {
            booking.status = BookingStatus.CANCELLED;
            booking.cancelledAt = OffsetDateTime.now(ZoneOffset.UTC);
            // The user's count first: a booking of the same user takes that row before its seats'
            // booked rows, so taking it in the same order here leaves no cycle to deadlock in.
            bookedSeats.uncount(userId, booking.scheduleId, (int) bookedSeats.count("bookingId = ?1 and active = true", bookingId));
            bookedSeats.deactivate(bookingId);
        }
        return new BookingDetails(booking, bookedSeats.seatsOf(List.of(bookingId)).getOrDefault(bookingId, List.of()));
    }

    private static List<SeatConflict> conflicts(List<Seat> seats, Set<Long> ids, String reason) {
        return seats.stream().filter(seat -> ids.contains(seat.id))
                .map(seat -> new SeatConflict(seat.row, seat.number, reason)).toList();
    }
}
