package io.ticketing.booking.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.ticketing.booking.support.Api;
import io.ticketing.booking.support.Fixtures;
import io.ticketing.booking.support.PostgresTestResource;
import io.ticketing.booking.support.SlowSeatLockResource;
import io.ticketing.testsupport.DevTokens;
import io.ticketing.testsupport.Race;

/**
 * One deadline per request, carried down: a gate of one booking at a time, a seat-lock that answers
 * but slowly, and a gateway budget of 6 s. Each booking is answered within its budget, 201 or 503
 * and nothing else; every 201 is stored, and nobody told 503 has a booking: no answer ever hides a
 * booking that went on to be stored.
 */
@QuarkusTest
@TestProfile(NestedDeadlineTest.OneAtATime.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(SlowSeatLockResource.class)
class NestedDeadlineTest {

    static final Duration BUDGET = Duration.ofSeconds(6);

    public static class OneAtATime implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("booking.max-concurrent-bookings", "1");
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Inject
    DataSource db;

    @Test
    void everyAnswerComesWithinTheBudgetAndTellsTheTruth() throws Exception {
        Fixtures.Stage stage = Fixtures.stage(db, 1, 20);
        int users = 12;
        Race.Outcome outcome = Race.run(users, user -> HttpRequest.newBuilder(base.resolve("/api/v1/tickets/bookings"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", DevTokens.bearer("patient-" + user))
                .header("Content-Type", "application/json").header("X-Request-Budget-Ms", Long.toString(BUDGET.toMillis()))
                .POST(HttpRequest.BodyPublishers.ofString(Api.json(Api.bookingBody(stage, Fixtures.seats("1열", user + 1), null))))
                .build());
        outcome.print(users + " bookings through a gate of one, seat-lock slow (" + SlowSeatLockResource.DELAY.toMillis()
                + " ms a call), budget " + BUDGET.toSeconds() + " s");

        assertEquals(List.of(), outcome.except(201, 503), "only 201 or 503");
        assertTrue(outcome.count(201) >= 1, "those let in in time book: " + outcome.results());
        assertTrue(outcome.count(503) >= 1, "those who could not finish in time are refused: " + outcome.results());
        for (Race.Result result : outcome.results()) {
            assertTrue(result.elapsed().compareTo(BUDGET.plusMillis(500)) < 0,
                    "answered within the budget: user " + result.user() + " after " + result.elapsed().toMillis() + " ms");
            if (result.status() == 503) {
                assertEquals("BOOKING_BUSY", JsonPath.from(result.body()).getString("code"), result.body());
                assertEquals("2", result.headers().firstValue("Retry-After").orElse(null));
            }
        }
        Set<String> booked = Set.copyOf(Fixtures.usersWithBookings(db, stage.scheduleId()));
        Set<String> told201 = Set.copyOf(outcome.withStatus(201).stream().map(r -> "patient-" + r.user()).toList());
        assertEquals(told201, booked, "stored bookings are exactly those answered 201");
    }
}
