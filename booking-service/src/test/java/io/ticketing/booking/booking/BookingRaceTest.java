package io.ticketing.booking.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.hamcrest.Matchers;
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
import io.ticketing.testsupport.DevTokens;
import io.ticketing.testsupport.Race;

/** Users race to book the same seats: real booking, real seat-lock, real Redis and PostgreSQL. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(SeatLockServiceResource.class)
class BookingRaceTest {

    static final Set<String> TAKEN = Set.of("SEAT_ALREADY_BOOKED", "SEAT_ALREADY_LOCKED");
    /**
     * A user told 503 (a burst can meet booking's one-second seat-lock deadline on a busy machine,
     * and then its circuit breaker) presses again after Retry-After, as people do: up to this many
     * presses. The guarantees are checked on the answers users finally get.
     */
    static final int TRIES = 4;

    @TestHTTPResource("/")
    URI base;

    @Inject
    DataSource db;

    @BeforeEach
    void warmUp() {
        WarmBookings.bookings(db);
    }

    @Test
    void fiveUsersWithLocksRaceForSeat1열2번AndOneBookingIsStored() throws Exception {
        Fixtures.Stage stage = Fixtures.stage(db, 2, 5);
        var seat = Fixtures.seats("1열", 2);
        // Each of the five asks for a hold; the one who got it books with its token, the others try anyway.
        List<String> tokens = new ArrayList<>();
        for (int user = 0; user < 5; user++) {
            tokens.add(user == 0 ? Api.hold("fan-0", stage.scheduleId(), seat) : null);
        }
        Race.Outcome outcome = Race.run(5, TRIES, user -> Race.post(base, "/api/v1/tickets/bookings", DevTokens.bearer("fan-" + user),
                Api.json(Api.bookingBody(stage, seat, tokens.get(user)))));
        outcome.print("5 users book seat 1열-2번 (rows stored: " + Fixtures.bookingsOf(db, stage.scheduleId()) + ")");

        assertEquals(1, outcome.count(201), "exactly one booking");
        assertEquals(0, outcome.withStatus(201).get(0).user(), "the holder gets the seat");
        assertEquals(4, outcome.count(409));
        for (Race.Result loser : outcome.withStatus(409)) {
            assertTrue(TAKEN.contains(JsonPath.from(loser.body()).getString("code")), loser.body());
        }
        assertEquals(1, Fixtures.bookingsOf(db, stage.scheduleId()), "exactly one row in the database");
        assertEquals(Map.of("1열-2", 1L), Fixtures.activeSalesPerSeat(db, stage.scheduleId()));
        // Once it is sold, everyone is told so in the product's words.
        Api.book("fan-4", stage, seat, null).statusCode(409)
                .body("code", Matchers.is("SEAT_ALREADY_BOOKED"))
                .body("detail", Matchers.is("이미 선택된 좌석입니다."));
    }

    @Test
    void fiveUsersWithoutHoldsStoreExactlyOneBooking() throws Exception {
        Fixtures.Stage stage = Fixtures.stage(db, 2, 5);
        String body = Api.json(Api.bookingBody(stage, Fixtures.seats("1열", 2), null));
        Race.Outcome outcome = Race.run(5, TRIES,
                user -> Race.post(base, "/api/v1/tickets/bookings", DevTokens.bearer("walk-in-" + user), body));
        outcome.print("5 users without holds book seat 1열-2번 (rows stored: " + Fixtures.bookingsOf(db, stage.scheduleId()) + ")");

        assertEquals(1, outcome.count(201));
        assertEquals(4, outcome.count(409));
        assertEquals(1, Fixtures.bookingsOf(db, stage.scheduleId()));
    }

    @Test
    void oneUserPressingBookFiveTimesWithOneIdempotencyKeyGetsOneBookingFiveTimes() throws Exception {
        Fixtures.Stage stage = Fixtures.stage(db, 1, 5);
        String body = Api.json(Api.bookingBody(stage, Fixtures.seats("1열", 3), null));
        // A double (or fivefold) click: the same user, body and Idempotency-Key, all at once.
        Race.Outcome outcome = Race.run(5, TRIES, press -> HttpRequest.newBuilder(
                Race.post(base, "/api/v1/tickets/bookings", DevTokens.bearer("double-clicker"), body), (name, value) -> true)
                .header("Idempotency-Key", "order-777").build());
        outcome.print("1 user presses book 5 times with one Idempotency-Key");

        assertEquals(5, outcome.count(201), "every press is answered with the booking: " + outcome.except(201));
        Set<Object> bookingIds = new HashSet<>();
        outcome.results().forEach(r -> bookingIds.add(JsonPath.from(r.body()).get("booking_id")));
        assertEquals(1, bookingIds.size(), "one and the same booking");
        assertEquals(1, outcome.results().stream()
                .filter(r -> "false".equals(r.headers().firstValue("Idempotent-Replayed").orElse(null))).count(), "made once");
        assertEquals(1, Fixtures.bookingsOf(db, stage.scheduleId()));
        // And it is sold: the claim the five presses shared was confirmed, not given back.
        Api.book("latecomer", stage, Fixtures.seats("1열", 3), null).statusCode(409).body("code",
                Matchers.is("SEAT_ALREADY_BOOKED"));
    }

    @Test
    void hundredUsersWithOverlappingSeatsNeverShareASeat() throws Exception {
        Fixtures.Stage stage = Fixtures.stage(db, 2, 10);
        int users = 100;
        Random random = new Random(7);
        List<List<Map<String, Object>>> wanted = new ArrayList<>();
        for (int user = 0; user < users; user++) {
            Set<Integer> pick = new HashSet<>();
            int size = 1 + random.nextInt(3);
            while (pick.size() < size) {
                pick.add(1 + random.nextInt(20));
            }
            List<Map<String, Object>> seats = new ArrayList<>();
            pick.forEach(n -> seats.add(Map.of("row", n <= 10 ? "1열" : "2열", "number", n <= 10 ? n : n - 10)));
            wanted.add(seats);
        }
        Race.Outcome outcome = Race.run(users, TRIES, user -> Race.post(base, "/api/v1/tickets/bookings",
                DevTokens.bearer("crowd-" + user), Api.json(Api.bookingBody(stage, wanted.get(user), null))));
        outcome.print(users + " users book overlapping seats of a 20-seat schedule");

        // A 503 on the way stored nothing (checked below: exactly the winners' seats are sold).
        assertEquals(users, outcome.count(201) + outcome.count(409), "every user ends with a booking or a conflict: " + outcome.except(201, 409));
        assertTrue(outcome.count(201) >= 1, "someone books");
        Map<String, Long> sales = Fixtures.activeSalesPerSeat(db, stage.scheduleId());
        sales.forEach((seat, count) -> assertEquals(1L, count, "seat " + seat + " sold " + count + " times"));
        Map<String, Long> expected = new HashMap<>();
        for (Race.Result winner : outcome.withStatus(201)) {
            JsonPath booking = JsonPath.from(winner.body());
            assertEquals(wanted.get(winner.user()).size(), booking.getList("seats").size(), "stored whole");
            wanted.get(winner.user()).forEach(s -> expected.put(s.get("row") + "-" + s.get("number"), 1L));
        }
        assertEquals(expected, sales, "exactly the winners' seats are sold: failures stored nothing");
        assertEquals(outcome.count(201), Fixtures.bookingsOf(db, stage.scheduleId()));
    }
}
