package io.ticketing.booking.booking;

import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import io.ticketing.booking.support.Api;
import io.ticketing.booking.support.Fixtures;
import io.ticketing.booking.support.PostgresBehindProxyResource;
import io.ticketing.booking.support.SeatLockServiceResource;
import io.ticketing.testsupport.DevTokens;

/**
 * Issue 9, hole 5: the connection to PostgreSQL drops while it commits a booking. The commit may
 * have landed or not; booking must find out which before it answers, and answer what is true: a 503
 * only when nothing was stored.
 */
@QuarkusTest
@TestProfile(CommitOutcomeTest.OwnDatabase.class)
@WithTestResource(PostgresBehindProxyResource.class)
@WithTestResource(SeatLockServiceResource.class)
class CommitOutcomeTest {

    /**
     * A profile of its own: this test's connections go through a proxy that cuts them. Statements are
     * sent as text every time (no server-side prepared statements), so the proxy can see a COMMIT.
     */
    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.additional-jdbc-properties.prepareThreshold", "0");
        }
    }

    @Inject
    DataSource db;

    @Inject
    AgroalDataSource pool;

    /** No cut left armed, and no connection the proxy cut left in the pool, for the next test. */
    @AfterEach
    void disarmAndDropCutConnections() {
        PostgresBehindProxyResource.proxy().disarm();
        pool.flush(AgroalDataSource.FlushMode.ALL);
    }

    /**
     * The connection the proxy cut can be back in the pool, idle, and the test's own look-ups must
     * not meet it (CI once did, in Fixtures.bookingsOf: "An I/O error occurred while sending").
     */
    private void dropTheCutConnection() {
        pool.flush(AgroalDataSource.FlushMode.IDLE);
    }

    @Test
    void aCommitThatLandedBeforeTheConnectionDroppedIsAnsweredAsABooking() {
        Fixtures.Stage stage = Fixtures.stage(db, 1, 3);
        var seat = Fixtures.seats("1열", 1);

        PostgresBehindProxyResource.proxy().cutAfterForwarding("COMMIT");
        Api.book("lost-answer", stage, seat, null).statusCode(201).body("status", is("CONFIRMED"));
        dropTheCutConnection();

        assertTrue(PostgresBehindProxyResource.proxy().cutsDone(), "the commit's connection was never cut");
        assertEquals(1, Fixtures.bookingsOf(db, stage.scheduleId()));
        // Told as sold to seat-lock too, as any booking is: the next hold is refused without the database.
        Api.lock("next-user", stage.scheduleId(), seat).statusCode(409).body("code", is("SEAT_ALREADY_BOOKED"));
    }

    @Test
    void aCommitThatNeverReachedTheDatabaseIsA503AndTheSeatIsFreeAgain() throws Exception {
        Fixtures.Stage stage = Fixtures.stage(db, 1, 3);
        var seat = Fixtures.seats("1열", 2);

        PostgresBehindProxyResource.proxy().cutBeforeForwarding("COMMIT");
        Api.book("lost-commit", stage, seat, null).statusCode(503).body("code", is("DATABASE_UNAVAILABLE"));
        dropTheCutConnection();

        assertTrue(PostgresBehindProxyResource.proxy().cutsDone(), "the commit's connection was never cut");
        assertEquals(0, Fixtures.bookingsOf(db, stage.scheduleId()));
        // The claim is given back in the background: the seat can be held again soon after.
        long until = System.nanoTime() + 5_000_000_000L;
        int status;
        do {
            status = Api.lock("next-user", stage.scheduleId(), seat).extract().statusCode();
        } while (status != 200 && System.nanoTime() < until && sleep());
        assertEquals(200, status);
        Api.book("lost-commit", stage, Fixtures.seats("1열", 3), null).statusCode(201);
    }

    @Test
    void whenEvenTheLookUpFailsTheAnswerSaysTheOutcomeIsUnknownAndARetryWithTheKeyTellsTheTruth() {
        Fixtures.Stage stage = Fixtures.stage(db, 1, 3);
        var seat = Fixtures.seats("1열", 3);
        String key = "unknown-outcome-" + stage.scheduleId();

        // The commit lands but its answer is lost; then the look-up's first statement is cut as well.
        PostgresBehindProxyResource.proxy().cutAfterForwarding("COMMIT").cutBeforeForwarding("lock_timeout");
        bookWithKey(stage, seat, key).statusCode(500).contentType("application/problem+json")
                .body("code", is("BOOKING_OUTCOME_UNKNOWN"));
        dropTheCutConnection();

        assertTrue(PostgresBehindProxyResource.proxy().cutsDone(), "a connection was never cut");
        assertEquals(1, Fixtures.bookingsOf(db, stage.scheduleId()));
        bookWithKey(stage, seat, key).statusCode(201).header("Idempotent-Replayed", "true");
    }

    private static ValidatableResponse bookWithKey(Fixtures.Stage stage,
            List<Map<String, Object>> seats, String key) {
        return RestAssured.given().header("Authorization", DevTokens.bearer("unsure"))
                .header("Idempotency-Key", key).contentType("application/json").body(Api.bookingBody(stage, seats, null))
                .when().post("/api/v1/tickets/bookings").then();
    }

    private static boolean sleep() {
        try {
            Thread.sleep(100);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
