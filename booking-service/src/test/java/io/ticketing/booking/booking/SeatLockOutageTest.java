package io.ticketing.booking.booking;

import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.ticketing.booking.support.Api;
import io.ticketing.booking.support.Fixtures;
import io.ticketing.booking.support.PostgresTestResource;
import io.ticketing.booking.support.SeatLockServiceResource;
import io.ticketing.booking.support.WarmBookings;
import io.ticketing.booking.sync.SeatMapSync;
import io.ticketing.testsupport.DevTokens;
import io.ticketing.testsupport.Race;

/** The real seat-lock stopped, restarted, or its Redis flushed: never a double sale, never a half write. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(SeatLockServiceResource.class)
class SeatLockOutageTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    SeatMapSync seatMaps;

    @Inject
    DataSource db;

    @BeforeEach
    void warmUp() {
        WarmBookings.bookings(db);
    }

    @Test
    void stoppedSeatLockMeans503AndNothingWrittenThenBookingsResume() throws Exception {
        Fixtures.Stage stage = Fixtures.stage(db, 1, 5);
        SeatLockServiceResource seatLock = SeatLockServiceResource.current();
        seatLock.stopProcess();
        try {
            Api.book("during-outage", stage, Fixtures.seats("1열", 1), null).statusCode(503)
                    .body("code", is("SEAT_LOCK_UNAVAILABLE"));
            assertEquals(0, Fixtures.bookingsOf(db, stage.scheduleId()));
        } finally {
            seatLock.startProcess();
        }
        // The circuit breaker may still be open for its delay; bookings resume right after it.
        Thread.sleep(2500);
        Api.book("after-outage", stage, Fixtures.seats("1열", 1), null).statusCode(201);
    }

    @Test
    void aUserWhoseSeatsRedisForgotIsStillLimitedByTheDatabaseEvenWhenRacing() throws Exception {
        // Issue 9, hole 6: seat-lock counts a user's seats, but a flushed Redis forgets them; the
        // database counts what the user bought, one booking of the user at a time.
        Fixtures.Stage stage = Fixtures.stage(db, 2, 10);
        Api.book("collector", stage, Fixtures.seats("1열", 1, 2, 3, 4, 5, 6), null).statusCode(201);

        SeatLockServiceResource.current().flushRedis();

        seatMaps.sync(); // seat-lock knows the schedule's sale again, as SeatMapSync's next round would make it

        String bearer = DevTokens.bearer("collector");
        Race.Outcome outcome = Race.run(5, user -> Race.post(base, "/api/v1/tickets/bookings", bearer,
                Api.json(Api.bookingBody(stage, Fixtures.seats("2열", user + 1), null))));
        outcome.print("a user with 6 of 8 seats books 5 more at once, after Redis forgot the 6");
        assertEquals(2, outcome.count(201));
        assertEquals(3, outcome.count(409));
        outcome.withStatus(409).forEach(r -> assertTrue(r.body().contains("SEAT_LIMIT_REACHED"), r.body()));
        assertEquals(8, Fixtures.count(db, "SELECT count(*) FROM booked_seats bs JOIN bookings b ON b.id = bs.booking_id "
                + "WHERE b.user_id = 'collector' AND b.schedule_id = ? AND bs.active", stage.scheduleId()));
    }

    @Test
    void flushedRedisStillSellsEachSeatAtMostOnce() throws Exception {
        Fixtures.Stage stage = Fixtures.stage(db, 1, 5);
        var first = Fixtures.seats("1열", 1);
        var second = Fixtures.seats("1열", 2);
        Api.book("early", stage, first, null).statusCode(201);
        String holdOnSecond = Api.hold("holder", stage.scheduleId(), second);

        SeatLockServiceResource.current().flushRedis();

        seatMaps.sync(); // seat-lock knows the schedule's sale again, as SeatMapSync's next round would make it

        // The sold marker is gone from Redis, so seat-lock lets claims through: the database refuses them all.
        String body = Api.json(Api.bookingBody(stage, first, null));
        Race.Outcome outcome = Race.run(20, user -> Race.post(base, "/api/v1/tickets/bookings", DevTokens.bearer("after-flush-" + user), body));
        outcome.print("20 users book a sold seat after Redis was flushed");
        assertEquals(20, outcome.count(409));
        outcome.withStatus(409).forEach(r -> assertTrue(BookingRaceTest.TAKEN.contains(
                JsonPath.from(r.body()).getString("code")), r.body()));
        // The unique index refused it; the answer still names the sold seat.
        Api.book("late", stage, first, null).statusCode(409).body("code", is("SEAT_ALREADY_BOOKED"))
                .body("conflicting_seats[0].row", is("1열")).body("conflicting_seats[0].number", is(1))
                .body("conflicting_seats[0].reason", is("BOOKED"));

        // The hold vanished with the flush: its holder is told so, and the seat is sold once.
        Api.book("holder", stage, second, holdOnSecond).statusCode(410).body("code", is("LOCK_EXPIRED"));
        Api.book("other", stage, second, null).statusCode(201);
        assertEquals(Map.of("1열-1", 1L, "1열-2", 1L), Fixtures.activeSalesPerSeat(db, stage.scheduleId()));
    }
}
