package io.ticketing.booking.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.ticketing.booking.support.Api;
import io.ticketing.booking.support.Fixtures;
import io.ticketing.booking.support.PostgresTestResource;
import io.ticketing.booking.support.SeatLockServiceResource;
import io.ticketing.testsupport.DevTokens;

/** Bad booking requests get problem+json with a stable code and store nothing. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(SeatLockServiceResource.class)
class BookingBadInputTest {

    @Inject
    DataSource db;

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("not JSON", "{\"event_id\":", 400, "MALFORMED_JSON"),
                Arguments.of("missing event", "{\"schedule_id\":SCHEDULE,\"seats\":[{\"row\":\"1열\",\"number\":1}]}", 400, "MISSING_FIELD"),
                Arguments.of("empty seats", "{\"event_id\":EVENT,\"schedule_id\":SCHEDULE,\"seats\":[]}", 400, "EMPTY_SEATS"),
                Arguments.of("duplicate seats", "{\"event_id\":EVENT,\"schedule_id\":SCHEDULE,\"seats\":[{\"row\":\"1열\",\"number\":1},{\"row\":\"1열\",\"number\":1}]}", 400, "DUPLICATE_SEAT"),
                Arguments.of("seat number zero", "{\"event_id\":EVENT,\"schedule_id\":SCHEDULE,\"seats\":[{\"row\":\"1열\",\"number\":0}]}", 400, "INVALID_SEAT_NUMBER"),
                Arguments.of("row too long", "{\"event_id\":EVENT,\"schedule_id\":SCHEDULE,\"seats\":[{\"row\":\"12345678901234567\",\"number\":1}]}", 400, "INVALID_ROW"),
                Arguments.of("malformed lock token", "{\"event_id\":EVENT,\"schedule_id\":SCHEDULE,\"lock_token\":\"x\",\"seats\":[{\"row\":\"1열\",\"number\":1}]}", 400, "INVALID_FIELD"),
                Arguments.of("number as text", "{\"event_id\":EVENT,\"schedule_id\":SCHEDULE,\"seats\":[{\"row\":\"1열\",\"number\":\"one\"}]}", 400, "INVALID_FIELD"),
                Arguments.of("unknown seat", "{\"event_id\":EVENT,\"schedule_id\":SCHEDULE,\"seats\":[{\"row\":\"9열\",\"number\":1}]}", 404, "SEAT_NOT_FOUND"),
                Arguments.of("schedule of another event", "{\"event_id\":1,\"schedule_id\":SCHEDULE,\"seats\":[{\"row\":\"1열\",\"number\":1}]}", 404, "SCHEDULE_NOT_FOUND"),
                Arguments.of("body over the size limit", "{\"event_id\":EVENT,\"pad\":\"" + "x".repeat(20_000) + "\"}", 413, "PAYLOAD_TOO_LARGE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void badBookingIsRefusedAndStoresNothing(String description, String body, int status, String code) {
        Fixtures.Stage stage = Fixtures.stage(db, 1, 3);
        String sent = body.replace("SCHEDULE", Long.toString(stage.scheduleId())).replace("EVENT", Long.toString(stage.eventId()));
        String answer = given().header("Authorization", DevTokens.bearer("careless")).contentType("application/json").body(sent)
                .when().post("/api/v1/tickets/bookings")
                .then().statusCode(status).contentType("application/problem+json").body("code", is(code))
                .extract().asString();
        assertFalse(answer.contains("Exception") || answer.contains("io.ticketing"), answer);
        assertEquals(0, Fixtures.bookingsOf(db, stage.scheduleId()));
    }

    @Test
    void englishOnRequestAndUnauthenticatedWithoutToken() {
        Fixtures.Stage stage = Fixtures.stage(db, 1, 1);
        given().header("Authorization", DevTokens.bearer("en")).header("Accept-Language", "en").contentType("application/json")
                .body(Api.bookingBody(stage, List.of(), null)).when().post("/api/v1/tickets/bookings")
                .then().statusCode(400).body("detail", is("Select at least one seat."));
        given().contentType("application/json").body(Api.bookingBody(stage, Fixtures.seats("1열", 1), null))
                .when().post("/api/v1/tickets/bookings")
                .then().statusCode(401).contentType("application/problem+json").body("code", is("UNAUTHENTICATED"));
        assertEquals(0, Fixtures.bookingsOf(db, stage.scheduleId()));
    }
}
