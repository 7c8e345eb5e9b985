package io.ticketing.booking.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.ticketing.booking.error.BookingException;
import io.ticketing.booking.error.ErrorCode;
import io.ticketing.booking.model.SeatRef;
import io.ticketing.booking.support.Fixtures;
import io.ticketing.booking.support.PostgresTestResource;
import io.ticketing.booking.support.SeatLockServiceResource;

/**
 * The transaction's own guards, which no HTTP race can reach on purpose: a stale fencing token and
 * a claim that is nearly over. Real PostgreSQL; the transaction must leave nothing behind.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(SeatLockServiceResource.class)
class BookingWriterTest {

    static final Deadline IN_AN_HOUR = Deadline.in(Duration.ofHours(1));
    static final Deadline PASSED = new Deadline(System.nanoTime() - 1);
    static final CommitDeadlines FAR_AWAY = new CommitDeadlines(IN_AN_HOUR, IN_AN_HOUR);

    @Inject
    BookingWriter writer;

    @Inject
    DataSource db;

    @Test
    void bookingUnderAnOlderFencingTokenThanTheSeatsLastIsRefused() {
        Fixtures.Stage stage = Fixtures.stage(db, 1, 1);
        List<SeatRef> refs = List.of(new SeatRef("1열", 1));
        BookingCommand command = new BookingCommand(stage.eventId(), stage.scheduleId(), refs, null, null);

        long first = writer.write("newer", command, 1_000, FAR_AWAY).booking().id;
        writer.cancel("newer", first);

        BookingException stale = assertThrows(BookingException.class,
                () -> writer.write("stale", command, 999, FAR_AWAY));
        assertEquals(ErrorCode.SEAT_ALREADY_LOCKED, stale.code());
        assertEquals(1, Fixtures.bookingsOf(db, stage.scheduleId()), "the stale writer stored nothing");

        writer.write("newest", command, 1_001, FAR_AWAY);
        assertEquals(2, Fixtures.bookingsOf(db, stage.scheduleId()));
    }

    @Test
    void bookingIsNotCommittedOnceItsClaimIsNearlyOver() {
        Fixtures.Stage stage = Fixtures.stage(db, 1, 1);
        List<SeatRef> refs = List.of(new SeatRef("1열", 1));
        BookingCommand command = new BookingCommand(stage.eventId(), stage.scheduleId(), refs, null, null);

        BookingException late = assertThrows(BookingException.class,
                () -> writer.write("late", command, 5_000, new CommitDeadlines(PASSED, IN_AN_HOUR)));
        assertEquals(ErrorCode.LOCK_EXPIRED, late.code());
        assertEquals(0, Fixtures.bookingsOf(db, stage.scheduleId()), "rolled back: no booking");
        assertEquals(0, Fixtures.count(db, "SELECT count(*) FROM booked_seats b JOIN seats s ON s.id = b.seat_id "
                + "WHERE s.schedule_id = ?", stage.scheduleId()), "rolled back: no booked seat");
    }

    @Test
    void bookingIsNotCommittedOnceItsAnswerWouldComeTooLate() {
        Fixtures.Stage stage = Fixtures.stage(db, 1, 1);
        List<SeatRef> refs = List.of(new SeatRef("1열", 1));
        BookingCommand command = new BookingCommand(stage.eventId(), stage.scheduleId(), refs, null, null);

        BookingException late = assertThrows(BookingException.class,
                () -> writer.write("late", command, 5_000, new CommitDeadlines(IN_AN_HOUR, PASSED)));
        assertEquals(ErrorCode.BOOKING_BUSY, late.code(), "503: not now, nothing stored");
        assertEquals(0, Fixtures.bookingsOf(db, stage.scheduleId()), "no booking");
    }
}
