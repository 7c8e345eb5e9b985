package io.ticketing.booking.startup;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.ticketing.booking.support.PostgresTestResource;
import io.ticketing.booking.support.SeatLockServiceResource;

/**
 * The warm-up books in transactions that are rolled back, before the service is ready: it stores
 * nothing (no row with a negative id, no booking of its user), and readiness waits for it.
 */
@QuarkusTest
@TestProfile(WarmUpTest.WarmUpOn.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(SeatLockServiceResource.class)
class WarmUpTest {

    public static class WarmUpOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("booking.warm-up.enabled", "true", "booking.warm-up.max-time", "PT1S");
        }
    }

    @Inject
    DataSource db;

    @Test
    void readyOnlyAfterTheWarmUpRanAndNothingWasStored() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (given().get("/q/health/ready").statusCode() != 200) {
            assertTrue(System.nanoTime() < deadline, "ready within 20 s");
            Thread.sleep(50);
        }
        given().get("/q/health/ready").then().body("checks.name", hasItem("warm-up"));
        given().get("/q/health/started").then().statusCode(200).body("checks.name", hasItem("warm-up"));

        assertEquals(0, count("SELECT count(*) FROM events WHERE id < 0"), "no warm-up event stored");
        assertEquals(0, count("SELECT count(*) FROM seats WHERE id < 0"), "no warm-up seat stored");
        assertEquals(0, count("SELECT count(*) FROM bookings WHERE user_id = 'warm-up'"), "no warm-up booking stored");
        assertEquals(1, count("SELECT CASE WHEN is_called THEN 1 ELSE 0 END FROM bookings_id_seq"),
                "the warm-up did insert bookings (and rolled them back)");
    }

    private long count(String sql) throws Exception {
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
