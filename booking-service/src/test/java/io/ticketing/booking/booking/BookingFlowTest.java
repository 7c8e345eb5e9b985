package io.ticketing.booking.booking;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.ticketing.booking.support.Api;
import io.ticketing.booking.support.Fixtures;
import io.ticketing.booking.support.PostgresTestResource;
import io.ticketing.booking.support.SeatLockServiceResource;
import io.ticketing.testsupport.DevTokens;

/** One user at a time through the whole flow: hold, book, seat map, cancel, rebook, idempotency. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(SeatLockServiceResource.class)
class BookingFlowTest {

    @Inject
    DataSource db;

    @Test
    void theLocationOfANewBookingDoesNotFollowTheClientsHostHeader() {
        // Issue 9, hole 8: Location was built from the request's Host, so a client could make the
        // product answer with a link to any host.
        Fixtures.Stage stage = Fixtures.stage(db, 1, 9);
        given().header("Authorization", DevTokens.bearer("host-forger")).header("Host", "evil.example")
                .contentType("application/json").body(Api.bookingBody(stage, Fixtures.seats("1열", 9), null))
                .when().post("/api/v1/tickets/bookings").then().statusCode(201)
                .header("Location", Matchers.matchesPattern("/api/v1/tickets/bookings/[0-9]+"));
    }

    @Test
    void aUserBooksAtMostEightSeatsOfAScheduleUntilOneIsCancelled() {
        // Issue 9, hole 6: nothing limited what one user could buy.
        Fixtures.Stage stage = Fixtures.stage(db, 2, 5);
        Api.book("one-person", stage, Fixtures.seats("1열", 1, 2, 3, 4, 5), null).statusCode(201);
        int three = Api.book("one-person", stage, Fixtures.seats("2열", 1, 2, 3), null).statusCode(201)
                .extract().path("booking_id");

        Api.book("one-person", stage, Fixtures.seats("2열", 4), null).statusCode(409)
                .contentType("application/problem+json").body("code", is("SEAT_LIMIT_REACHED"))
                .body("title", is("Too many seats of this show for one person, held and booked together."))
                .body("detail", is("이 회차에서 한 사람이 선택·예매할 수 있는 좌석 수를 넘었습니다. 최대: 8석"));
        given().header("Authorization", DevTokens.bearer("one-person")).header("Accept-Language", "en")
                .contentType("application/json").body(Api.bookingBody(stage, Fixtures.seats("2열", 4), null))
                .when().post("/api/v1/tickets/bookings").then().statusCode(409)
                .body("detail", is("Too many seats of this show for one person, held and booked together. At most: 8"));
        Api.lock("one-person", stage.scheduleId(), Fixtures.seats("2열", 4)).statusCode(409).body("code", is("SEAT_LIMIT_REACHED"));

        Api.cancel("one-person", three).statusCode(200);
        Api.book("one-person", stage, Fixtures.seats("2열", 4), null).statusCode(201);
    }

    @Test
    void holdBookSeeOnTheSeatMapCancelAndRebook() {
        Fixtures.Stage stage = Fixtures.stage(db, 2, 5);
        var seats = Fixtures.seats("1열", 1, 2);
        String token = Api.hold("alice", stage.scheduleId(), seats);
        String seatMap = "/api/v1/tickets/schedules/" + stage.scheduleId() + "/seats";
        Api.get("alice", seatMap).statusCode(200).body("seats.find { it.row == '1열' && it.number == 1 }.status", is("HELD_BY_YOU"));
        Api.get("bob", seatMap).statusCode(200).body("seats.find { it.row == '1열' && it.number == 1 }.status", is("HELD"))
                .body("seats.find { it.row == '1열' && it.number == 1 }.grade", is("VIP"))
                .body("seats.find { it.row == '1열' && it.number == 1 }.price", is(150000));

        int bookingId = Api.book("alice", stage, seats, token).statusCode(201)
                .header("Location", Matchers.containsString("/api/v1/tickets/bookings/"))
                .body("status", is("CONFIRMED")).body("schedule_id", is((int) stage.scheduleId()))
                .body("seats.number", is(List.of(1, 2))).body("total_price", is(300000))
                .extract().path("booking_id");

        Api.get("bob", seatMap).body("seats.find { it.row == '1열' && it.number == 2 }.status", is("BOOKED"));
        Api.get("alice", "/api/v1/tickets/bookings/" + bookingId).statusCode(200).body("status", is("CONFIRMED"));
        Api.get("alice", "/api/v1/tickets/bookings").statusCode(200).body("bookings.booking_id", hasItem(bookingId));
        Api.book("bob", stage, Fixtures.seats("1열", 2), null).statusCode(409).body("code", is("SEAT_ALREADY_BOOKED"));

        Api.cancel("alice", bookingId).statusCode(200).body("status", is("CANCELLED")).body("cancelled_at", not(is((Object) null)));
        Api.cancel("alice", bookingId).statusCode(200).body("status", is("CANCELLED"));
        Api.get("bob", seatMap).body("seats.find { it.row == '1열' && it.number == 2 }.status", is("AVAILABLE"));

        String bobsToken = Api.hold("bob", stage.scheduleId(), Fixtures.seats("1열", 2));
        Api.book("bob", stage, Fixtures.seats("1열", 2), bobsToken).statusCode(201);
        assertEquals(Map.of("1열-2", 1L), Fixtures.activeSalesPerSeat(db, stage.scheduleId()));
    }

    @Test
    void expiredHoldIsRejectedAndNothingIsStored() throws Exception {
        Fixtures.Stage stage = Fixtures.stage(db, 1, 5);
        var seats = Fixtures.seats("1열", 3);
        String token = Api.hold("slow", stage.scheduleId(), seats);
        Thread.sleep(SeatLockServiceResource.HOLD_TTL.toMillis() + 500);
        Api.book("slow", stage, seats, token).statusCode(410).body("code", is("LOCK_EXPIRED"));
        assertEquals(0, Fixtures.bookingsOf(db, stage.scheduleId()));
    }

    @Test
    void anotherUsersHoldIsRejected() {
        Fixtures.Stage stage = Fixtures.stage(db, 1, 5);
        var seats = Fixtures.seats("1열", 4);
        String carolsToken = Api.hold("carol", stage.scheduleId(), seats);
        Api.book("dave", stage, seats, carolsToken).statusCode(403).body("code", is("NOT_LOCK_OWNER"));
        Api.book("dave", stage, seats, null).statusCode(409).body("code", is("SEAT_ALREADY_LOCKED"))
                .body("detail", is("이미 다른 사람이 선택 중입니다."));
        assertEquals(0, Fixtures.bookingsOf(db, stage.scheduleId()));
        Api.book("carol", stage, seats, carolsToken).statusCode(201);
    }

    @Test
    void anotherUsersBookingIsNotFound() {
        Fixtures.Stage stage = Fixtures.stage(db, 1, 5);
        int bookingId = Api.book("erin", stage, Fixtures.seats("1열", 1), null).statusCode(201).extract().path("booking_id");
        Api.get("frank", "/api/v1/tickets/bookings/" + bookingId).statusCode(404).body("code", is("BOOKING_NOT_FOUND"));
        Api.cancel("frank", bookingId).statusCode(404);
        Api.get("frank", "/api/v1/tickets/bookings").statusCode(200).body("bookings", empty());
        Api.get("erin", "/api/v1/tickets/bookings/" + bookingId).statusCode(200).body("status", is("CONFIRMED"));
    }

    @Test
    void seatLockForgetsASaleADayAfterTheShowAndTheDatabaseStillRefusesIt() throws Exception {
        Fixtures.Stage stage = Fixtures.stage(db, 1, 2);
        var seat = Fixtures.seats("1열", 1);
        // A show that started a day ago, less five seconds: its sold markers have five seconds to live.
        Instant markersGo = Instant.now().plusSeconds(5);
        Fixtures.startsAt(db, stage.scheduleId(), markersGo.minus(Duration.ofDays(1)));
        Api.book("fan", stage, seat, null).statusCode(201);
        Api.lock("late", stage.scheduleId(), seat).statusCode(409).body("code", is("SEAT_ALREADY_BOOKED"));

        Thread.sleep(Duration.between(Instant.now(), markersGo).plusMillis(300).toMillis());
        String hold = Api.hold("late", stage.scheduleId(), seat);
        Api.book("late", stage, seat, hold).statusCode(409).body("code", is("SEAT_ALREADY_BOOKED"));
        assertEquals(1, Fixtures.bookingsOf(db, stage.scheduleId()));
    }

    @Test
    void aBookingListsItsSeatsInSeatMapOrder() {
        Fixtures.Stage stage = Fixtures.stage(db, 10, 2);
        List<Map<String, Object>> seats = List.of(Map.of("row", "10열", "number", 1), Map.of("row", "2열", "number", 2),
                Map.of("row", "2열", "number", 1));
        // "2열" comes before "10열", as on the seat map, not in plain string order.
        List<String> expected = List.of("2열-1", "2열-2", "10열-1");
        var booked = Api.book("orderly", stage, seats, null).statusCode(201).extract().jsonPath();
        assertEquals(expected, seatNames(booked.getList("seats")));
        var fetched = Api.get("orderly", "/api/v1/tickets/bookings/" + booked.getLong("booking_id")).statusCode(200)
                .extract().jsonPath();
        assertEquals(expected, seatNames(fetched.getList("seats")));
    }

    private static List<String> seatNames(List<Map<String, Object>> seats) {
        return seats.stream().map(seat -> seat.get("row") + "-" + seat.get("number")).toList();
    }

    @Test
    void idempotentRetryReturnsTheSameBookingAndAnotherBodyIsRefused() {
        Fixtures.Stage stage = Fixtures.stage(db, 1, 5);
        Map<String, Object> body = Api.bookingBody(stage, Fixtures.seats("1열", 5), null);
        int first = given().header("Authorization", DevTokens.bearer("retry")).header("Idempotency-Key", "order-123")
                .contentType("application/json").body(body).when().post("/api/v1/tickets/bookings")
                .then().statusCode(201).header("Idempotent-Replayed", "false").extract().path("booking_id");
        given().header("Authorization", DevTokens.bearer("retry")).header("Idempotency-Key", "order-123")
                .contentType("application/json").body(body).when().post("/api/v1/tickets/bookings")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("booking_id", is(first));
        given().header("Authorization", DevTokens.bearer("retry")).header("Idempotency-Key", "order-123")
                .contentType("application/json").body(Api.bookingBody(stage, Fixtures.seats("1열", 4), null))
                .when().post("/api/v1/tickets/bookings")
                .then().statusCode(422).body("code", is("IDEMPOTENCY_KEY_REUSED"));
        assertEquals(1, Fixtures.bookingsOf(db, stage.scheduleId()));
    }

    @Test
    void eventsListTheirSchedules() {
        Fixtures.Stage stage = Fixtures.stage(db, 1, 1);
        Api.get("anyone", "/api/v1/tickets/events").statusCode(200).body("events.event_id", hasItem(is((int) stage.eventId())));
        Api.get("anyone", "/api/v1/tickets/events/" + stage.eventId()).statusCode(200)
                .body("title", is("테스트 공연")).body("schedules[0].schedule_id", is((int) stage.scheduleId()));
        Api.get("anyone", "/api/v1/tickets/events/1").statusCode(200).body("schedules.size()", is(2));
        Api.get("anyone", "/api/v1/tickets/events/999999999").statusCode(404).body("code", is("EVENT_NOT_FOUND"));
        Api.get("anyone", "/api/v1/tickets/schedules/999999999/seats").statusCode(404).body("code", is("SCHEDULE_NOT_FOUND"));
    }

    @Test
    void myBookingsComeNewestFirstOnePageAtATime() {
        Fixtures.Stage stage = Fixtures.stage(db, 1, 2);
        int older = Api.book("pager", stage, Fixtures.seats("1열", 1), null).statusCode(201).extract().path("booking_id");
        int newer = Api.book("pager", stage, Fixtures.seats("1열", 2), null).statusCode(201).extract().path("booking_id");
        Api.get("pager", "/api/v1/tickets/bookings?page=0&size=1").statusCode(200)
                .body("bookings.booking_id", is(List.of(newer))).body("total", is(2)).body("size", is(1));
        Api.get("pager", "/api/v1/tickets/bookings?page=1&size=1").statusCode(200)
                .body("bookings.booking_id", is(List.of(older)));
        Api.get("pager", "/api/v1/tickets/bookings?size=0").statusCode(400).body("code", is("INVALID_FIELD"));
        Api.get("pager", "/api/v1/tickets/bookings?page=-1").statusCode(400).body("code", is("INVALID_FIELD"));
    }

    @Test
    void theGatewaysRequestIdReachesSeatLocksLog() throws Exception {
        Fixtures.Stage stage = Fixtures.stage(db, 1, 1);
        String requestId = "rid-" + UUID.randomUUID();
        given().header("Authorization", DevTokens.bearer("traced")).header("X-Request-Id", requestId)
                .contentType("application/json").body(Api.bookingBody(stage, Fixtures.seats("1열", 1), null))
                .when().post("/api/v1/tickets/bookings").then().statusCode(201);
        Path log = Path.of("target", "seat-lock-service-under-test.log");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        boolean logged = false;
        while (!logged && System.nanoTime() < deadline) {
            logged = Files.readString(log).contains("rid=" + requestId);
            Thread.sleep(100);
        }
        Assertions.assertTrue(logged, "seat-lock logged the claim with rid=" + requestId);
    }

    @Test
    void metricsCountBookingsAndRejections() {
        Fixtures.Stage stage = Fixtures.stage(db, 1, 2);
        Api.book("m", stage, Fixtures.seats("1열", 1), null).statusCode(201);
        Api.book("n", stage, Fixtures.seats("1열", 1), null).statusCode(409);
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String name : List.of("booking_confirmed_total", "booking_rejected_total{code=\"SEAT_ALREADY_BOOKED\"",
                "booking_latency_seconds_count")) {
            Assertions.assertTrue(metrics.contains(name), name + " missing");
        }
    }
}
