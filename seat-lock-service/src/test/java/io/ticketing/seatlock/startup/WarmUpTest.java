package io.ticketing.seatlock.startup;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.ticketing.seatlock.support.RedisTestResource;
import io.ticketing.seatlock.support.SeatApi;
import io.ticketing.seatlock.support.TestData;

/**
 * The warm-up runs every script before the service is ready, and leaves nothing behind: no key of
 * its schedule, a negative id of its own, which no request can name (tests' schedules are positive).
 */
@QuarkusTest
@TestProfile(WarmUpTest.WarmUpOn.class)
@WithTestResource(RedisTestResource.class)
class WarmUpTest {

    public static class WarmUpOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("seat-lock.warm-up.enabled", "true", "seat-lock.warm-up.max-time", "PT1S");
        }
    }

    @Inject
    RedisDataSource redis;

    @Test
    void readyOnlyAfterTheWarmUpRanAndCleanedUp() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (given().get("/q/health/ready").statusCode() != 200) {
            assertTrue(System.nanoTime() < deadline, "ready within 20 s");
            Thread.sleep(50);
        }
        given().get("/q/health/ready").then().body("checks.name", hasItem("warm-up"));
        given().get("/q/health/started").then().statusCode(200).body("checks.name", hasItem("warm-up"));

        String metrics = RestAssured.get("/q/metrics").asString();
        assertTrue(metrics.lines().anyMatch(line -> line.startsWith("seat_lock_holds_granted_total") && !line.endsWith(" 0.0")),
                "the warm-up took holds");
        List<String> left = redis.key().keys("*{-*}*");
        assertEquals(List.of(), left, "no key of the warm-up's schedule is left");
    }

    @Test
    void noRequestCanNameTheWarmUpSchedule() {
        SeatApi.lock("someone", 0, TestData.seats(1)).statusCode(400).body("code", is("INVALID_FIELD"));
        SeatApi.lock("someone", -5, TestData.seats(1)).statusCode(400).body("code", is("INVALID_FIELD"));
    }
}
