package io.ticketing.booking.booking;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.ticketing.booking.support.Api;
import io.ticketing.booking.support.Fixtures;
import io.ticketing.booking.support.PostgresTestResource;
import io.ticketing.booking.support.SeatLockServiceResource;

/** PostgreSQL goes away under a running booking-service: 503 problem+json, and not ready. */
@QuarkusTest
@TestProfile(DatabaseDownTest.OwnDatabase.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(SeatLockServiceResource.class)
class DatabaseDownTest {

    /** A profile of its own, so that stopping this test's database touches no other test. */
    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.acquisition-timeout", "2S");
        }
    }

    @Inject
    DataSource db;

    @Test
    void databaseOutageAnswers503AndTakesBookingOutOfRotation() throws Exception {
        assumeTrue(PostgresTestResource.current().isEmbedded(), "needs the embedded PostgreSQL, which it stops");
        Fixtures.Stage stage = Fixtures.stage(db, 1, 2);
        Api.book("before", stage, Fixtures.seats("1열", 1), null).statusCode(201);
        given().when().get("/q/health/ready").then().statusCode(200);

        PostgresTestResource.current().stopServer();

        Api.get("during", "/api/v1/tickets/bookings").statusCode(503).contentType("application/problem+json")
                .body("code", is("DATABASE_UNAVAILABLE"));
        Api.book("during", stage, Fixtures.seats("1열", 2), null).statusCode(503).header("Retry-After", "2")
                .body("code", is("DATABASE_UNAVAILABLE"));
        given().when().get("/q/health/ready").then().statusCode(503).body("status", is("DOWN"));
        given().when().get("/q/health/live").then().statusCode(200);
    }
}
