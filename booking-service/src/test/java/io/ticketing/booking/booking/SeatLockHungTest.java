package io.ticketing.booking.booking;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.ticketing.booking.support.Api;
import io.ticketing.booking.support.Fixtures;
import io.ticketing.booking.support.PostgresTestResource;
import io.ticketing.booking.support.UnresponsiveSeatLock;

/** seat-lock accepts connections and never answers: booking says 503 fast, writes nothing, stays ready. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(UnresponsiveSeatLock.class)
class SeatLockHungTest {

    @Inject
    DataSource db;

    @Test
    void bookingAnswers503FastAndWritesNothing() {
        Fixtures.Stage stage = Fixtures.stage(db, 1, 5);
        for (int attempt = 0; attempt < 3; attempt++) {
            long start = System.nanoTime();
            Api.book("hopeful", stage, Fixtures.seats("1열", 1), null).statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", "2").body("code", is("SEAT_LOCK_UNAVAILABLE"))
                    .body("detail", is("좌석 잠금 서비스에 연결할 수 없습니다. 잠시 후 다시 시도해 주세요."));
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.println("503 after " + millis + " ms");
            // A deadline promised to the user, not a speed figure: the first call pays the JVM's warm-up.
            assertTrue(millis < (attempt == 0 ? 10000 : 1500), "took " + millis + " ms");
        }
        assertEquals(0, Fixtures.bookingsOf(db, stage.scheduleId()));
        assertEquals(0, Fixtures.count(db, "SELECT count(*) FROM booked_seats b JOIN seats s ON s.id = b.seat_id WHERE s.schedule_id = ?",
                stage.scheduleId()));
    }

    @Test
    void seatMapStillShowsSalesWithoutLiveHolds() {
        Fixtures.Stage stage = Fixtures.stage(db, 1, 2);
        Api.get("browser", "/api/v1/tickets/schedules/" + stage.scheduleId() + "/seats").statusCode(200)
                .body("holds_known", is(false)).body("seats.size()", is(2)).body("seats[0].status", is("AVAILABLE"));
    }

    @Test
    void readinessDependsOnTheDatabaseNotOnSeatLock() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
    }
}
