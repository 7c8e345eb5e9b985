package io.ticketing.seatlock.web;

import static io.restassured.RestAssured.given;
import static io.ticketing.seatlock.support.TestData.seats;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.ticketing.seatlock.support.RedisTestResource;
import io.ticketing.seatlock.support.TestData;
import io.ticketing.testsupport.DevTokens;
import io.ticketing.testsupport.LogCapture;

/** Issue 9, hole 8: {@code %X{request_id}} was in the log format, but nothing ever set it. */
@QuarkusTest
@WithTestResource(RedisTestResource.class)
class RequestIdLoggingTest {

    @Test
    void logLinesWrittenForARequestCarryItsRequestId() {
        try (LogCapture log = LogCapture.of("io.ticketing.seatlock.hold.SeatLockService")) {
            given().header("Authorization", DevTokens.bearer("logged-holder")).header("X-Request-Id", "rid-b71e")
                    .contentType("application/json")
                    .body(Map.of("schedule_id", TestData.newScheduleId(), "seats", seats(1)))
                    .when().post("/api/v1/tickets/seats/lock").then().statusCode(200);

            assertEquals(List.of("rid-b71e"), log.startingWith("Held").stream().map(line -> line.getMdc("request_id"))
                    .toList());
        }
    }
}
