package io.ticketing.booking.catalogue;

import static org.hamcrest.Matchers.is;

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

/**
 * Issue 9, hole 7: every seat-map read read the whole hall from the database. Readers of a schedule
 * now share one read for the seat map's age; a booking never reads the map, so it is never wrong
 * about a seat, only the picture is that old.
 */
@QuarkusTest
@TestProfile(SeatMapAgeTest.SharedReads.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(SeatLockServiceResource.class)
class SeatMapAgeTest {

    /** Seat maps up to five seconds old: long enough to watch the sharing happen, even behind a cold first booking. */
    public static class SharedReads implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("%test.booking.seat-map-max-age", "PT5S");
        }
    }

    @Inject
    DataSource db;

    @Test
    void aSeatMapShowsASaleOnceItsAgeHasPassedAndTheSeatIsNeverSoldTwice() throws Exception {
        Fixtures.Stage stage = Fixtures.stage(db, 1, 3);
        String map = "/api/v1/tickets/schedules/" + stage.scheduleId() + "/seats";
        String seat1 = "seats.find { it.row == '1열' && it.number == 1 }.status";
        Api.get("watcher", map).statusCode(200).body(seat1, is("AVAILABLE"));

        Api.book("buyer", stage, Fixtures.seats("1열", 1), null).statusCode(201);
        Api.get("watcher", map).statusCode(200).body(seat1, is("AVAILABLE"));
        Api.book("late", stage, Fixtures.seats("1열", 1), null).statusCode(409).body("code", is("SEAT_ALREADY_BOOKED"));

        Thread.sleep(5100);
        Api.get("watcher", map).statusCode(200).body(seat1, is("BOOKED"));
    }
}
