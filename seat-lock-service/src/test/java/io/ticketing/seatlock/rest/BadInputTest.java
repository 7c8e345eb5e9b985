package io.ticketing.seatlock.rest;

import static io.restassured.RestAssured.given;
import static io.ticketing.seatlock.support.TestData.seats;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import io.ticketing.seatlock.support.RedisTestResource;
import io.ticketing.seatlock.support.SeatApi;
import io.ticketing.seatlock.support.TestData;
import io.ticketing.testsupport.DevTokens;

/**
 * Bad input gets 400 (or 401/413/415) problem+json with a stable code and a readable message, and
 * changes nothing in Redis.
 */
@QuarkusTest
@WithTestResource(RedisTestResource.class)
class BadInputTest {

    static final String SCHEDULE = "{SCHEDULE}";

    static Stream<Arguments> badLockBodies() {
        return Stream.of(
                Arguments.of("not JSON", "{\"schedule_id\":" + SCHEDULE + ",\"seats\":[", 400, "MALFORMED_JSON"),
                Arguments.of("empty body", "", 400, "MISSING_FIELD"),
                Arguments.of("missing schedule", "{\"seats\":[{\"row\":\"1열\",\"number\":1}]}", 400, "MISSING_FIELD"),
                Arguments.of("schedule not a number", "{\"schedule_id\":\"abc\",\"seats\":[{\"row\":\"1열\",\"number\":1}]}", 400, "INVALID_FIELD"),
                Arguments.of("negative schedule", "{\"schedule_id\":-1,\"seats\":[{\"row\":\"1열\",\"number\":1}]}", 400, "INVALID_FIELD"),
                Arguments.of("missing seats", "{\"schedule_id\":" + SCHEDULE + "}", 400, "MISSING_FIELD"),
                Arguments.of("empty seats", "{\"schedule_id\":" + SCHEDULE + ",\"seats\":[]}", 400, "EMPTY_SEATS"),
                Arguments.of("duplicate seat", "{\"schedule_id\":" + SCHEDULE + ",\"seats\":[{\"row\":\"1열\",\"number\":1},{\"row\":\"1열\",\"number\":2},{\"row\":\"1열\",\"number\":1}]}", 400, "DUPLICATE_SEAT"),
                Arguments.of("seat number zero", "{\"schedule_id\":" + SCHEDULE + ",\"seats\":[{\"row\":\"1열\",\"number\":2},{\"row\":\"1열\",\"number\":0}]}", 400, "INVALID_SEAT_NUMBER"),
                Arguments.of("negative seat number", "{\"schedule_id\":" + SCHEDULE + ",\"seats\":[{\"row\":\"1열\",\"number\":-3}]}", 400, "INVALID_SEAT_NUMBER"),
                Arguments.of("missing number", "{\"schedule_id\":" + SCHEDULE + ",\"seats\":[{\"row\":\"1열\"}]}", 400, "MISSING_FIELD"),
                Arguments.of("empty row", "{\"schedule_id\":" + SCHEDULE + ",\"seats\":[{\"row\":\"\",\"number\":1}]}", 400, "INVALID_ROW"),
                Arguments.of("row of 17 characters", "{\"schedule_id\":" + SCHEDULE + ",\"seats\":[{\"row\":\"12345678901234567\",\"number\":1}]}", 400, "INVALID_ROW"),
                Arguments.of("row with a newline", "{\"schedule_id\":" + SCHEDULE + ",\"seats\":[{\"row\":\"1\\n열\",\"number\":1}]}", 400, "INVALID_ROW"),
                Arguments.of("nine seats", "{\"schedule_id\":" + SCHEDULE + ",\"seats\":" + TestData.seatsJson(seats(1, 2, 3, 4, 5, 6, 7, 8, 9)) + "}", 400, "TOO_MANY_SEATS"),
                Arguments.of("seats not a list", "{\"schedule_id\":" + SCHEDULE + ",\"seats\":{\"row\":\"1열\"}}", 400, "INVALID_FIELD"),
                Arguments.of("body over the size limit", "{\"schedule_id\":" + SCHEDULE + ",\"pad\":\"" + "x".repeat(20_000) + "\",\"seats\":[{\"row\":\"1열\",\"number\":1}]}", 413, "PAYLOAD_TOO_LARGE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badLockBodies")
    void badLockRequestIsRefusedAndHoldsNothing(String description, String body, int status, String code) {
        long schedule = TestData.newScheduleId();
        String sent = body.replace(SCHEDULE, Long.toString(schedule));
        String answer = given().header("Authorization", DevTokens.bearer("careless")).contentType("application/json")
                .body(sent)
                .when().post("/api/v1/tickets/seats/lock")
                .then().statusCode(status).contentType("application/problem+json")
                .body("code", is(code)).body("status", is(status)).body("detail", not(empty()))
                .extract().asString();
        assertNoLeak(answer);
        SeatApi.held("careless", schedule).statusCode(200).body("seats", empty());
    }

    @Test
    void messagesAreKoreanByDefaultAndEnglishOnRequest() {
        long schedule = TestData.newScheduleId();
        String body = SeatApi.json(Map.of("schedule_id", schedule, "seats", List.of()));
        given().header("Authorization", DevTokens.bearer("u")).contentType("application/json").body(body)
                .when().post("/api/v1/tickets/seats/lock")
                .then().statusCode(400).body("detail", is("좌석을 하나 이상 선택해 주세요."));
        given().header("Authorization", DevTokens.bearer("u")).header("Accept-Language", "en-US,en;q=0.9")
                .contentType("application/json").body(body)
                .when().post("/api/v1/tickets/seats/lock")
                .then().statusCode(400).body("detail", is("Select at least one seat.")).body("code", is("EMPTY_SEATS"));
    }

    @Test
    void conflictInEnglishNamesTheSeat() {
        long schedule = TestData.newScheduleId();
        SeatApi.lockToken("first", schedule, seats(3));
        given().header("Authorization", DevTokens.bearer("second")).header("Accept-Language", "en")
                .contentType("application/json")
                .body(SeatApi.json(Map.of("schedule_id", schedule, "seats", seats(2, 3))))
                .when().post("/api/v1/tickets/seats/lock")
                .then().statusCode(409).body("code", is("SEAT_ALREADY_LOCKED"))
                .body("detail", is("Another user is holding one of these seats."))
                .body("conflicting_seats", is(List.of(Map.of("row", "1열", "number", 3, "reason", "LOCKED"))));
        SeatApi.held("second", schedule).body("seats.size()", is(1));
    }

    @Test
    void malformedTokenFieldIsRefused() {
        long schedule = TestData.newScheduleId();
        SeatApi.post("u", "/api/v1/tickets/seats/release", Map.of("schedule_id", schedule, "lock_token", "abc"))
                .statusCode(400).body("code", is("INVALID_FIELD")).body("detail", containsString("lock_token"));
        SeatApi.post("u", "/api/v1/tickets/seats/extend", Map.of("schedule_id", schedule))
                .statusCode(400).body("code", is("MISSING_FIELD"));
    }

    @Test
    void noTokenOrAForgedTokenIsUnauthenticated() throws Exception {
        long schedule = TestData.newScheduleId();
        String body = SeatApi.json(Map.of("schedule_id", schedule, "seats", seats(1)));
        given().contentType("application/json").body(body).when().post("/api/v1/tickets/seats/lock")
                .then().statusCode(401).contentType("application/problem+json").body("code", is("UNAUTHENTICATED"))
                .header("WWW-Authenticate", containsString("Bearer"));

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = Jwt.issuer(DevTokens.ISSUER).subject("mallory").expiresIn(600)
                .sign(generator.generateKeyPair().getPrivate());
        given().header("Authorization", "Bearer " + forged).contentType("application/json").body(body)
                .when().post("/api/v1/tickets/seats/lock")
                .then().statusCode(401).body("code", is("UNAUTHENTICATED"));
        SeatApi.held("mallory", schedule).body("seats", empty());
    }

    @Test
    void wrongContentTypeAndUnknownPathAreProblems() {
        given().header("Authorization", DevTokens.bearer("u")).contentType("text/plain").body("hello")
                .when().post("/api/v1/tickets/seats/lock")
                .then().statusCode(415).contentType("application/problem+json").body("code", is("UNSUPPORTED_MEDIA_TYPE"));
        given().header("Authorization", DevTokens.bearer("u"))
                .when().get("/api/v1/tickets/seats/nowhere")
                .then().statusCode(404).contentType("application/problem+json").body("code", is("NOT_FOUND"));
    }

    @Test
    void holdLastsTwoMinutesByDefault() {
        long schedule = TestData.newScheduleId();
        Instant before = Instant.now();
        Instant expiresAt = Instant.parse(SeatApi.lock("default", schedule, seats(1)).statusCode(200)
                .body("fencing_token", not(is(0))).extract().path("expires_at"));
        Duration held = Duration.between(before, expiresAt);
        assertTrue(held.compareTo(Duration.ofSeconds(115)) > 0 && held.compareTo(Duration.ofSeconds(125)) < 0,
                "hold of " + held);
    }

    @Test
    void metricsCountHoldsAndConflicts() {
        long schedule = TestData.newScheduleId();
        SeatApi.lockToken("m1", schedule, seats(1));
        SeatApi.lock("m2", schedule, seats(1)).statusCode(409);
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String name : new String[] { "seat_lock_holds_granted_total", "seat_lock_conflicts_total",
                "seat_lock_releases_total", "seat_lock_extensions_total", "seat_lock_operation_seconds_count{operation=\"lock\"" }) {
            assertTrue(metrics.contains(name), name + " missing from /q/metrics");
        }
    }

    static void assertNoLeak(String body) {
        assertFalse(body.contains("Exception"), body);
        assertFalse(body.contains("io.ticketing"), body);
        assertFalse(body.contains("\tat "), body);
    }
}
