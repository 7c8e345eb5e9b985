package io.ticketing.booking.sync;

import static org.hamcrest.Matchers.is;

import java.net.URI;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.ticketing.booking.support.Api;
import io.ticketing.booking.support.Fixtures;
import io.ticketing.booking.support.PostgresTestResource;
import io.ticketing.booking.support.SeatLockServiceResource;
import io.ticketing.booking.support.WarmBookings;

/**
 * Issue 10: seat-lock's sold markers are set again from this database, by the reconciliation alone,
 * after Redis lost them and after a booking whose confirm never arrived. Without it, a sold seat
 * could be held again until someone tried to book it. (The rounds run every 2 s in production; here
 * the test runs them, so that it sees the state before and after one.)
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(SeatLockServiceResource.class)
class SoldMarkerReconciliationTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    SeatMapSync seatMaps;

    @Inject
    DataSource db;

    @Inject
    SoldMarkerReconciler reconciler;

    @BeforeEach
    void warmUp() {
        WarmBookings.bookings(db);
    }

    @Test
    void afterRedisLostEverythingSoldSeatsAreRefusedAgainAndTheBuyersLimitIsBack() throws Exception {
        Fixtures.Stage stage = Fixtures.stage(db, 2, 10);
        Api.book("fan", stage, Fixtures.seats("1열", 1, 2, 3, 4, 5, 6), null).statusCode(201);
        long cancelled = ((Number) Api.book("fickle", stage, Fixtures.seats("1열", 7), null).statusCode(201)
                .extract().path("booking_id")).longValue();
        Api.cancel("fickle", cancelled).statusCode(200);

        SeatLockServiceResource.current().flushRedis();

        seatMaps.sync(); // seat-lock knows the schedule's sale again, as SeatMapSync's next round would make it
        // The hole: Redis forgot, so a sold seat can be held.
        String token = Api.hold("eager", stage.scheduleId(), Fixtures.seats("1열", 1));
        Api.lock("eager", stage.scheduleId(), Fixtures.seats("1열", 8)).statusCode(200);

        reconciler.reconcile();

        Api.lock("late", stage.scheduleId(), Fixtures.seats("1열", 1)).statusCode(409).body("code", is("SEAT_ALREADY_BOOKED"));
        Api.lock("late", stage.scheduleId(), Fixtures.seats("1열", 6)).statusCode(409).body("code", is("SEAT_ALREADY_BOOKED"));
        // The database's word wins over the hold taken meanwhile: booking with it is refused.
        Api.book("eager", stage, Fixtures.seats("1열", 1), token).statusCode(409);
        // The cancelled booking's seat is not sold again.
        Api.lock("late", stage.scheduleId(), Fixtures.seats("1열", 7)).statusCode(200);
        // The buyer's six seats count again in seat-lock: two more, not a third.
        Api.lock("fan", stage.scheduleId(), Fixtures.seats("2열", 1, 2)).statusCode(200);
        Api.lock("fan", stage.scheduleId(), Fixtures.seats("2열", 3)).statusCode(409).body("code", is("SEAT_LIMIT_REACHED"));
    }

    @Test
    void aHallOfSoldSeatsIsRebuiltInPagesSeatLockAccepts() throws Exception {
        // 600 bookings of one seat each: more than one page, by seats and by bytes (each page must stay
        // under seat-lock's body limit; one request for all of them was refused with 413).
        Fixtures.Stage stage = Fixtures.stage(db, 15, 40);
        Fixtures.execute(db, "INSERT INTO bookings (user_id, schedule_id, status, fencing_token, created_at) "
                + "SELECT 'a-fan-with-a-rather-long-user-name-' || s.id, s.schedule_id, 'CONFIRMED', 1, now() - interval '1 hour' "
                + "FROM seats s WHERE s.schedule_id = ? AND s.row_label <> '15열'", stage.scheduleId());
        Fixtures.execute(db, "INSERT INTO booked_seats (booking_id, seat_id) SELECT b.id, s.id FROM bookings b JOIN seats s "
                + "ON b.user_id = 'a-fan-with-a-rather-long-user-name-' || s.id WHERE b.schedule_id = ?", stage.scheduleId());
        SeatLockServiceResource.current().flushRedis();
        seatMaps.sync(); // seat-lock knows the schedule's sale again, as SeatMapSync's next round would make it

        reconciler.reconcile();

        for (String row : new String[] { "1열", "7열", "14열" }) {
            Api.lock("late", stage.scheduleId(), Fixtures.seats(row, 40)).statusCode(409).body("code", is("SEAT_ALREADY_BOOKED"));
        }
        Api.lock("late", stage.scheduleId(), Fixtures.seats("15열", 1)).statusCode(200);
    }

    @Test
    void aBookingStoredWithoutItsConfirmIsMarkedSoldOnceItHasSettled() throws Exception {
        Fixtures.Stage stage = Fixtures.stage(db, 1, 5);
        reconciler.reconcile(); // the schedule's markers are complete: what follows is not a rebuild
        // What a booking-service killed between its commit and its confirm leaves: the rows, no marker.
        Fixtures.execute(db, "INSERT INTO bookings (user_id, schedule_id, status, fencing_token, created_at) "
                + "VALUES ('crashed', ?, 'CONFIRMED', 1, now() - interval '10 seconds')", stage.scheduleId());
        Fixtures.execute(db, "INSERT INTO booked_seats (booking_id, seat_id) SELECT b.id, s.id FROM bookings b "
                + "JOIN seats s ON s.schedule_id = b.schedule_id WHERE b.user_id = 'crashed' AND b.schedule_id = ? "
                + "AND s.row_label = '1열' AND s.number = 3", stage.scheduleId());
        Api.lock("eager", stage.scheduleId(), Fixtures.seats("1열", 3)).statusCode(200).extract().path("lock_token");

        Thread.sleep(1_200); // booking.sold-markers.settle is 1 s in tests: bookings made meanwhile settle too
        reconciler.reconcile();

        Api.lock("late", stage.scheduleId(), Fixtures.seats("1열", 3)).statusCode(409).body("code", is("SEAT_ALREADY_BOOKED"));
    }
}
