package io.ticketing.booking.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.ticketing.booking.support.Api;
import io.ticketing.booking.support.Fixtures;
import io.ticketing.booking.support.PostgresTestResource;
import io.ticketing.booking.support.SeatLockServiceResource;
import io.ticketing.testsupport.DevTokens;
import io.ticketing.testsupport.LogCapture;

/** Issue 9, hole 8: {@code %X{request_id}} was in the log format, but nothing ever set it. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(SeatLockServiceResource.class)
class RequestIdLoggingTest {

    private static final String FLOW_LOGGER = "io.ticketing.booking.booking.BookingFlow";

    @Inject
    DataSource db;

    @Test
    void logLinesWrittenForARequestCarryItsRequestId() {
        try (LogCapture log = LogCapture.of(FLOW_LOGGER)) {
            book("rid-7f3a9c", 1).statusCode(201);

            assertEquals(List.of("rid-7f3a9c"), log.startingWith("Booked").stream().map(line -> line.getMdc("request_id"))
                    .toList());
        }
    }

    @Test
    void anIdThatCouldForgeALogLineIsNotLogged() {
        try (LogCapture log = LogCapture.of(FLOW_LOGGER)) {
            book("rid-1 FORGED ERROR line", 2).statusCode(201);

            List<ExtLogRecord> lines = log.startingWith("Booked");
            assertFalse(lines.isEmpty(), "the booking wrote no debug line");
            lines.forEach(line -> assertEquals(null, line.getMdc("request_id")));
        }
    }

    private ValidatableResponse book(String requestId, int seat) {
        Fixtures.Stage stage = Fixtures.stage(db, 1, 2);
        return given().header("Authorization", DevTokens.bearer("logged-user")).header("X-Request-Id", requestId)
                .contentType("application/json").body(Api.bookingBody(stage, Fixtures.seats("1열", seat), null))
                .when().post("/api/v1/tickets/bookings").then();
    }
}
