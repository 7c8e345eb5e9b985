package io.ticketing.booking.catalogue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.ticketing.booking.support.Api;
import io.ticketing.booking.support.Fixtures;
import io.ticketing.booking.support.PostgresTestResource;
import io.ticketing.booking.support.SeatLockServiceResource;
import io.ticketing.booking.sync.SeatMapSync;
import io.ticketing.testsupport.DevTokens;
import io.ticketing.testsupport.Race;

/**
 * Issue 11: operators set up a sale through the API (events, schedules with sales windows, seat maps,
 * seat changes); seat-lock and booking both enforce the window and the map; bad input changes nothing.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(SeatLockServiceResource.class)
class OperatorApiTest {

    private static final String ADMIN = "/api/v1/tickets/admin";

    @Inject
    DataSource db;

    @Inject
    SeatMapSync seatMaps;

    @TestHTTPResource("/")
    URI base;

    @Test
    void onlyOperatorsMaySetUpSales() {
        for (String path : List.of("/events", "/events/1")) {
            given().header("Authorization", DevTokens.bearer("fan")).when().get(ADMIN + path).then().statusCode(403)
                    .contentType("application/problem+json").body("code", is("OPERATOR_ONLY"));
            given().when().get(ADMIN + path).then().statusCode(401).body("code", is("UNAUTHENTICATED"));
        }
        long events = count("events");
        given().header("Authorization", DevTokens.bearer("fan")).header("Accept-Language", "en").contentType("application/json")
                .body(Map.of("title", "내 공연", "venue", "내 홀")).when().post(ADMIN + "/events").then().statusCode(403)
                .body("detail", is("Only operators may do this."));
        assertEquals(events, count("events"));
    }

    @Test
    void theLocationOfANewEventOrScheduleDoesNotFollowTheClientsHostHeader() {
        // Built from the request's Host, it would let a client make the product link to any host.
        long eventId = id(Fixtures.operator().header("Host", "evil.example").body(Map.of("title", "호스트 공연", "venue", "홀"))
                .when().post(ADMIN + "/events").then().statusCode(201)
                .header("Location", matchesPattern("/api/v1/tickets/admin/events/[0-9]+")), "event_id");
        Fixtures.operator().header("Host", "evil.example")
                .body(Map.of("starts_at", Instant.now().plus(Duration.ofDays(3)).toString(),
                        "sales_open_at", Instant.now().plus(Duration.ofDays(1)).toString()))
                .when().post(ADMIN + "/events/" + eventId + "/schedules").then().statusCode(201)
                .header("Location", matchesPattern("/api/v1/tickets/admin/schedules/[0-9]+"));
    }

    @Test
    void anOperatorSetsUpASaleThatOpensAtItsMinute() {
        long eventId = id(Fixtures.operator().body(Map.of("title", "겨울 오케스트라", "venue", "예술의전당"))
                .when().post(ADMIN + "/events").then().statusCode(201).header("Location", containsString("/admin/events/"))
                .body("title", is("겨울 오케스트라")), "event_id");
        Fixtures.operator().body(Map.of("title", "겨울 오케스트라 2026", "venue", "예술의전당 콘서트홀"))
                .when().put(ADMIN + "/events/" + eventId).then().statusCode(200).body("title", is("겨울 오케스트라 2026"));
        Fixtures.operator().when().get(ADMIN + "/events").then().statusCode(200).body("events.event_id", hasItem((int) eventId));

        Instant opens = Instant.now().plus(Duration.ofMinutes(2)).truncatedTo(ChronoUnit.SECONDS);
        Instant starts = opens.plus(Duration.ofDays(20));
        long scheduleId = id(Fixtures.operator().body(Map.of("starts_at", starts.toString(), "sales_open_at", opens.toString()))
                .when().post(ADMIN + "/events/" + eventId + "/schedules").then().statusCode(201)
                .body("sales", is("NOT_OPEN")).body("sales_close_at", is(starts.toString())).body("published", is(true)), "schedule_id");
        // A hall of 40 rows of 50 seats, in one call.
        List<Map<String, Object>> rows = IntStream.rangeClosed(1, 40).mapToObj(row -> Map.<String, Object>of("row", row + "열",
                "from", 1, "to", 50)).toList();
        Fixtures.operator().body(Map.of("sections", List.of(Map.of("name", "1층", "grade", "R", "price", 110_000, "rows", rows))))
                .when().put(ADMIN + "/schedules/" + scheduleId + "/seat-map").then().statusCode(200)
                .body("seats", is(2_000)).body("published", is(true));
        Fixtures.operator().when().get(ADMIN + "/events/" + eventId).then().statusCode(200)
                .body("schedules[0].sales_open_at", is(opens.toString()));

        // Before the opening: seat-lock and booking both refuse, saying when it opens.
        Api.lock("early", scheduleId, Fixtures.seats("1열", 1)).statusCode(409).body("code", is("SALES_NOT_OPEN"))
                .body("sales_open_at", is(opens.toString()));
        Fixtures.Stage stage = new Fixtures.Stage(eventId, scheduleId);
        Api.book("early", stage, Fixtures.seats("1열", 1), null).statusCode(409).body("code", is("SALES_NOT_OPEN"))
                .body("sales_open_at", is(opens.toString()));
        assertEquals(0, Fixtures.bookingsOf(db, scheduleId));

        // The operator opens it now instead: holds and bookings go through, inside the seat map only.
        Fixtures.operator().body(Map.of("sales_open_at", Instant.now().minusSeconds(1).toString()))
                .when().patch(ADMIN + "/schedules/" + scheduleId).then().statusCode(200).body("sales", is("OPEN"))
                .body("published", is(true));
        String token = Api.hold("first", scheduleId, Fixtures.seats("40열", 50));
        Api.book("first", stage, Fixtures.seats("40열", 50), token).statusCode(201);
        Api.lock("first", scheduleId, Fixtures.seats("41열", 1)).statusCode(404).body("code", is("SEAT_NOT_FOUND"));
        Api.lock("first", scheduleId, Fixtures.seats("1열", 51)).statusCode(404).body("code", is("SEAT_NOT_FOUND"));
        // A seat map on sale, with seats, is not replaced whole.
        Fixtures.operator().body(Map.of("sections", List.of(Map.of("grade", "R", "price", 1, "rows", rows))))
                .when().put(ADMIN + "/schedules/" + scheduleId + "/seat-map").then().statusCode(409).body("code", is("SEAT_MAP_LOCKED"));

        // Closed: nothing more is held or booked.
        Fixtures.operator().body(Map.of("sales_close_at", Instant.now().minusMillis(500).toString()))
                .when().patch(ADMIN + "/schedules/" + scheduleId).then().statusCode(200).body("sales", is("CLOSED"));
        Api.lock("late", scheduleId, Fixtures.seats("2열", 1)).statusCode(409).body("code", is("SALES_CLOSED"));
        Api.book("late", stage, Fixtures.seats("2열", 1), null).statusCode(409).body("code", is("SALES_CLOSED"));
        assertEquals(1, Fixtures.bookingsOf(db, scheduleId));
    }

    static Stream<Arguments> badSeatMaps() {
        Map<String, Object> row = Map.of("row", "1열", "from", 1, "to", 10);
        return Stream.of(
                Arguments.of("overlapping rows", Map.of("sections", List.of(
                        Map.of("grade", "VIP", "price", 1, "rows", List.of(row)),
                        Map.of("grade", "R", "price", 1, "rows", List.of(Map.of("row", "1열", "from", 10, "to", 20))))), "OVERLAPPING_SEATS"),
                Arguments.of("empty section", Map.of("sections", List.of(Map.of("name", "2층", "grade", "R", "price", 1,
                        "rows", List.of()))), "EMPTY_SECTION"),
                Arguments.of("too many seats", Map.of("sections", List.of(Map.of("grade", "R", "price", 1,
                        "rows", List.of(Map.of("row", "1열", "from", 1, "to", 50_001))))), "SEAT_MAP_TOO_LARGE"),
                Arguments.of("negative price", Map.of("sections", List.of(Map.of("grade", "R", "price", -1, "rows", List.of(row)))),
                        "INVALID_PRICE"),
                Arguments.of("range that ends before it starts", Map.of("sections", List.of(Map.of("grade", "R", "price", 1,
                        "rows", List.of(Map.of("row", "1열", "from", 5, "to", 4))))), "INVALID_FIELD"),
                Arguments.of("seat number zero", Map.of("sections", List.of(Map.of("grade", "R", "price", 1,
                        "rows", List.of(Map.of("row", "1열", "from", 0, "to", 4))))), "INVALID_SEAT_NUMBER"),
                Arguments.of("seat number beyond seven digits (a range that would never end)", Map.of("sections", List.of(Map.of(
                        "grade", "R", "price", 1, "rows", List.of(Map.of("row", "1열", "from", Integer.MAX_VALUE, "to", Integer.MAX_VALUE))))),
                        "INVALID_SEAT_NUMBER"),
                Arguments.of("price beyond a billion", Map.of("sections", List.of(Map.of("grade", "R", "price", 1_000_000_001L,
                        "rows", List.of(row)))), "INVALID_PRICE"),
                Arguments.of("row name too long", Map.of("sections", List.of(Map.of("grade", "R", "price", 1,
                        "rows", List.of(Map.of("row", "12345678901234567", "from", 1, "to", 4))))), "INVALID_ROW"),
                Arguments.of("grade missing", Map.of("sections", List.of(Map.of("price", 1, "rows", List.of(row)))), "MISSING_FIELD"),
                Arguments.of("no sections", Map.of("sections", List.of()), "MISSING_FIELD"),
                Arguments.of("sections and a copy", Map.of("sections", List.of(Map.of("grade", "R", "price", 1, "rows", List.of(row))),
                        "copy_from_schedule_id", 1), "INVALID_FIELD"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSeatMaps")
    void aBadSeatMapIsRefusedWithItsCodeAndNothingIsStored(String description, Map<String, Object> body, String code) {
        long scheduleId = newSchedule(Instant.now().plus(Duration.ofHours(1)));
        String answer = Fixtures.operator().body(body).when().put(ADMIN + "/schedules/" + scheduleId + "/seat-map").then()
                .statusCode(400).contentType("application/problem+json").body("code", is(code)).extract().asString();
        assertFalse(answer.contains("Exception") || answer.contains("io.ticketing"), answer);
        assertEquals(0, Fixtures.count(db, "SELECT count(*) FROM seats WHERE schedule_id = ?", scheduleId));
    }

    @Test
    void badEventsAndSchedulesAreRefusedAndNothingIsStored() {
        long events = count("events");
        long schedules = count("schedules");
        Fixtures.operator().body(Map.of("venue", "홀")).when().post(ADMIN + "/events").then().statusCode(400)
                .body("code", is("MISSING_FIELD")).body("detail", containsString("title"));
        Fixtures.operator().body("{\"title\":").when().post(ADMIN + "/events").then().statusCode(400).body("code", is("MALFORMED_JSON"));
        Instant now = Instant.now();
        Fixtures.operator().body(Map.of("starts_at", now.plus(Duration.ofDays(1)).toString(), "sales_open_at", now.toString()))
                .when().post(ADMIN + "/events/987654321/schedules").then().statusCode(404).body("code", is("EVENT_NOT_FOUND"));
        long eventId = id(Fixtures.operator().body(Map.of("title", "t", "venue", "v")).when().post(ADMIN + "/events").then()
                .statusCode(201), "event_id");
        Fixtures.operator().body(Map.of("starts_at", now.plus(Duration.ofDays(1)).toString(), "sales_open_at",
                now.plus(Duration.ofDays(2)).toString())).when().post(ADMIN + "/events/" + eventId + "/schedules").then()
                .statusCode(400).body("code", is("INVALID_SALES_WINDOW"));
        Fixtures.operator().body(Map.of("sales_open_at", now.toString())).when().post(ADMIN + "/events/" + eventId + "/schedules")
                .then().statusCode(400).body("code", is("MISSING_FIELD")).body("detail", containsString("starts_at"));
        Fixtures.operator().body(Map.of("starts_at", "tomorrow", "sales_open_at", now.toString()))
                .when().post(ADMIN + "/events/" + eventId + "/schedules").then().statusCode(400).body("code", is("INVALID_FIELD"));
        Fixtures.operator().body(Map.of("sales_open_at", now.toString())).when().patch(ADMIN + "/schedules/987654321").then()
                .statusCode(404).body("code", is("SCHEDULE_NOT_FOUND"));
        long empty = newSchedule(now.plusSeconds(3_600));
        Fixtures.operator().body(Map.of("copy_from_schedule_id", empty)).when().put(ADMIN + "/schedules/" + empty + "/seat-map")
                .then().statusCode(400).body("code", is("INVALID_FIELD"));
        Fixtures.operator().body(Map.of("starts_at", "+300000-01-01T00:00:00Z", "sales_open_at", now.toString()))
                .when().post(ADMIN + "/events/" + eventId + "/schedules").then().statusCode(400).body("code", is("INVALID_FIELD"));
        Fixtures.operator().body(Map.of("copy_from_schedule_id", 987654321)).when()
                .put(ADMIN + "/schedules/" + newSchedule(now.plusSeconds(3_600)) + "/seat-map").then().statusCode(404)
                .body("code", is("SCHEDULE_NOT_FOUND"));
        assertEquals(events + 3, count("events"), "the event made on purpose, and newSchedule's two");
        assertEquals(schedules + 2, count("schedules"));
    }

    @Test
    void aHallOfFiftyThousandSeatsIsStoredAndPublishedInOneCall() {
        long scheduleId = newSchedule(Instant.now().plus(Duration.ofHours(1)));
        List<Map<String, Object>> rows = IntStream.rangeClosed(1, 500).mapToObj(row -> Map.<String, Object>of("row", "R" + row,
                "from", 1, "to", 100)).toList();
        long started = System.nanoTime();
        Fixtures.operator().body(Map.of("sections", List.of(Map.of("grade", "R", "price", 99_000, "rows", rows))))
                .when().put(ADMIN + "/schedules/" + scheduleId + "/seat-map").then().statusCode(200)
                .body("seats", is(50_000)).body("published", is(true));
        System.out.printf("A seat map of 50,000 seats stored and published in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        long copy = newSchedule(Instant.now().plus(Duration.ofHours(1)));
        Fixtures.operator().body(Map.of("copy_from_schedule_id", scheduleId)).when().put(ADMIN + "/schedules/" + copy + "/seat-map")
                .then().statusCode(200).body("seats", is(50_000));
        Fixtures.operator().body(Map.of("sales_open_at", Instant.now().minusSeconds(1).toString())).when()
                .patch(ADMIN + "/schedules/" + copy).then().statusCode(200);
        Api.lock("fan", copy, Fixtures.seats("R500", 100)).statusCode(200);
        Api.lock("fan", copy, Fixtures.seats("R501", 1)).statusCode(404).body("code", is("SEAT_NOT_FOUND"));
    }

    @Test
    void seatsChangeOrAreWithdrawnButNeverUnderSomeoneHoldingOrOwningThem() {
        Fixtures.Stage stage = Fixtures.stage(db, 2, 10);
        long scheduleId = stage.scheduleId();
        String held = Api.hold("holder", scheduleId, Fixtures.seats("1열", 1));
        Api.book("owner", stage, Fixtures.seats("1열", 2), null).statusCode(201);

        changeSeats(scheduleId, List.of(Map.of("row", "1열", "number", 1, "price", 1))).statusCode(409)
                .body("code", is("SEATS_IN_USE")).body("detail", containsString("1열-1번"));
        changeSeats(scheduleId, List.of(Map.of("row", "1열", "number", 2, "on_sale", false))).statusCode(409)
                .body("code", is("SEATS_IN_USE")).body("detail", containsString("1열-2번"));
        // Nothing changed: the holder books at the price shown, the seat stays on the map.
        Api.book("holder", stage, Fixtures.seats("1열", 1), held).statusCode(201).body("total_price", is(150_000));

        changeSeats(scheduleId, List.of(Map.of("row", "1열", "number", 3, "price", 99_000, "grade", "R"),
                Map.of("row", "1열", "number", 4, "on_sale", false))).statusCode(200).body("changed", is(2)).body("published", is(true));
        Api.lock("fan", scheduleId, Fixtures.seats("1열", 4)).statusCode(404).body("code", is("SEAT_NOT_FOUND"));
        String token = Api.hold("fan", scheduleId, Fixtures.seats("1열", 3));
        Api.book("fan", stage, Fixtures.seats("1열", 3), token).statusCode(201).body("total_price", is(99_000));
        Api.get("fan", "/api/v1/tickets/schedules/" + scheduleId + "/seats").statusCode(200)
                .body("seats.findAll { it.row == '1열' && it.number == 4 }.size()", is(0));
        // Nor can a hold of one's own open it: booking it with that hold is refused.
        String other = Api.hold("fan", scheduleId, Fixtures.seats("2열", 9));
        Api.book("fan", stage, Fixtures.seats("1열", 4), other).statusCode(404).body("code", is("SEAT_NOT_FOUND"));
        // Offered again, it can be held again.
        changeSeats(scheduleId, List.of(Map.of("row", "1열", "number", 4, "on_sale", true))).statusCode(200);
        Api.lock("fan", scheduleId, Fixtures.seats("1열", 4)).statusCode(200);

        changeSeats(scheduleId, List.of(Map.of("row", "9열", "number", 1, "price", 1))).statusCode(404).body("code", is("SEAT_NOT_FOUND"));
        changeSeats(scheduleId, List.of(Map.of("row", "2열", "number", 1, "price", -5))).statusCode(400).body("code", is("INVALID_PRICE"));
        changeSeats(scheduleId, List.of(Map.of("row", "2열", "number", 1))).statusCode(400).body("code", is("MISSING_FIELD"));
    }

    @Test
    void afterRedisLostEverythingWindowsAndSeatMapsAreBackAndEnforced() throws Exception {
        Fixtures.Stage stage = Fixtures.stage(db, 1, 5);
        long notOpen = newSchedule(Instant.now().plus(Duration.ofHours(1)));
        SeatLockServiceResource.current().flushRedis();
        // Not "no such show" in the middle of a sale: try again shortly.
        Api.lock("fan", stage.scheduleId(), Fixtures.seats("1열", 1)).statusCode(503).body("code", is("LOCK_STORE_UNAVAILABLE"));

        // What a booking-service does at start-up and every round after: publish what seat-lock lacks.
        seatMaps.sync();

        Api.lock("fan", stage.scheduleId(), Fixtures.seats("1열", 6)).statusCode(404).body("code", is("SEAT_NOT_FOUND"));
        Api.lock("fan", stage.scheduleId(), Fixtures.seats("1열", 1)).statusCode(200);
        Api.lock("fan", notOpen, Fixtures.seats("1열", 1)).statusCode(409).body("code", is("SALES_NOT_OPEN"));
        assertEquals(0, seatMaps.sync(), "nothing left to publish");
        // Once booking's round is complete, a schedule it never published is unknown.
        Api.lock("fan", 987_654_321, Fixtures.seats("1열", 1)).statusCode(404).body("code", is("SCHEDULE_NOT_FOUND"));
    }

    /**
     * Operators pressing "save" on the same seat at once: each change is applied whole or refused
     * (409 SEAT_CHANGE_IN_PROGRESS), and the seat ends on sale at one of the prices sent. Before the
     * lease, a change that ran while another had the seat off sale took "off sale" for how it was,
     * and left the seat withdrawn for good.
     */
    @Test
    void concurrentChangesOfOneSeatLeaveItOnSaleAtOneOfTheirPrices() throws Exception {
        Fixtures.Stage stage = Fixtures.stage(db, 1, 5);
        String bearer = DevTokens.operatorBearer("operator-1");
        Race.Outcome outcome = Race.run(6, user -> HttpRequest
                .newBuilder(base.resolve(ADMIN + "/schedules/" + stage.scheduleId() + "/seats"))
                .header("Authorization", bearer).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(Api.json(Map.of("seats",
                        List.of(Map.of("row", "1열", "number", 3, "price", 10_000 + user)))))).build());
        outcome.print("6 operators change seat 1열-3번's price at once");
        outcome.results().forEach(result -> assertTrue(result.status() == 200
                || result.status() == 409 && result.body().contains("SEAT_CHANGE_IN_PROGRESS"), result.body()));
        assertTrue(outcome.count(200) >= 1);
        String token = Api.hold("fan", stage.scheduleId(), Fixtures.seats("1열", 3));
        int price = Api.book("fan", stage, Fixtures.seats("1열", 3), token).statusCode(201).extract().path("total_price");
        assertTrue(price >= 10_000 && price < 10_006, "one of the prices sent: " + price);
    }

    private ValidatableResponse changeSeats(long scheduleId, List<Map<String, Object>> seats) {
        return Fixtures.operator().body(Map.of("seats", seats)).when().patch(ADMIN + "/schedules/" + scheduleId + "/seats").then();
    }

    /** A schedule of a new event, opening at {@code opens}, without seats. */
    private long newSchedule(Instant opens) {
        long eventId = id(Fixtures.operator().body(Map.of("title", "t", "venue", "v")).when().post(ADMIN + "/events").then()
                .statusCode(201), "event_id");
        return id(Fixtures.operator().body(Map.of("starts_at", opens.plus(Duration.ofDays(10)).toString(), "sales_open_at",
                opens.toString())).when().post(ADMIN + "/events/" + eventId + "/schedules").then().statusCode(201), "schedule_id");
    }

    private static long id(ValidatableResponse response, String field) {
        return ((Number) response.extract().path(field)).longValue();
    }

    private long count(String table) {
        return Fixtures.count(db, "SELECT count(*) FROM " + table);
    }
}
