package io.ticketing.seatlock.hold;

import static io.restassured.RestAssured.given;
import static io.ticketing.seatlock.support.TestData.seats;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.ticketing.seatlock.support.SeatApi;
import io.ticketing.seatlock.support.TestData;
import io.ticketing.seatlock.support.UnresponsiveRedis;

/** Redis that does not answer: every call fails fast with 503, and the pod leaves rotation but stays alive. */
@QuarkusTest
@WithTestResource(UnresponsiveRedis.class)
class RedisDownTest {

    @Test
    void lockAnswers503WithinASecond() {
        long schedule = TestData.unpublishedScheduleId();
        for (int attempt = 0; attempt < 3; attempt++) {
            long start = System.nanoTime();
            SeatApi.lock("patient", schedule, seats(1)).statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", "1").body("code", is("LOCK_STORE_UNAVAILABLE"));
            long millis = (System.nanoTime() - start) / 1_000_000;
            // The deadline is a promise to callers (booking waits for this answer), not a speed figure.
            assertTrue(millis < 1500, "took " + millis + " ms");
        }
    }

    @Test
    void otherOperationsAnswer503Too() {
        long schedule = TestData.unpublishedScheduleId();
        SeatApi.held("patient", schedule).statusCode(503).body("code", is("LOCK_STORE_UNAVAILABLE"));
        SeatApi.release("patient", schedule, UUID.randomUUID().toString()).statusCode(503);
    }

    @Test
    void readinessIsDownWhileLivenessStaysUp() {
        given().when().get("/q/health/ready").then().statusCode(503).body("status", is("DOWN"));
        given().when().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
    }
}
