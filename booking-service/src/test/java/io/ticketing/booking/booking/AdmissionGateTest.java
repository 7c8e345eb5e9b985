package io.ticketing.booking.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
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
import io.ticketing.booking.support.UnresponsiveSeatLock;
import io.ticketing.testsupport.DevTokens;
import io.ticketing.testsupport.Race;

/**
 * The admission gate under a surge: one booking at a time, and a hung seat-lock keeps that one busy
 * for its whole deadline. Those that cannot get in within the admission timeout are told 503
 * BOOKING_BUSY with Retry-After, and nothing is claimed or written for them.
 */
@QuarkusTest
@TestProfile(AdmissionGateTest.OneBookingAtATime.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(UnresponsiveSeatLock.class)
class AdmissionGateTest {

    public static class OneBookingAtATime implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("booking.max-concurrent-bookings", "1", "booking.admission-timeout", "PT0.3S");
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Inject
    DataSource db;

    @Test
    void bookingsThatCannotGetInAreRefusedWithBookingBusy() throws Exception {
        Fixtures.Stage stage = Fixtures.stage(db, 1, 8);
        // The first request of a fresh app pays its warm-up; the race below should not.
        Api.book("early", stage, Fixtures.seats("1열", 8), null).statusCode(503);

        Race.Outcome outcome = Race.run(6, user -> Race.post(base, "/api/v1/tickets/bookings", DevTokens.bearer("surge-" + user),
                Api.json(Api.bookingBody(stage, Fixtures.seats("1열", user + 1), null))));
        outcome.print("6 bookings at once through a gate of one, seat-lock hung");

        assertEquals(6, outcome.count(503), "nobody books without seat-lock: " + outcome.results());
        List<Race.Result> busy = outcome.results().stream()
                .filter(r -> "BOOKING_BUSY".equals(JsonPath.from(r.body()).getString("code"))).toList();
        // The one let in waits out seat-lock's deadline (about 0.9 s), three times the others' 0.3 s.
        assertTrue(busy.size() >= 3, "most are turned away at the gate: " + outcome.results());
        assertEquals("예매 요청이 많아 처리하지 못했습니다. 잠시 후 다시 시도해 주세요.", JsonPath.from(busy.get(0).body()).getString("detail"));
        for (Race.Result r : outcome.results()) {
            assertTrue(Set.of("BOOKING_BUSY", "SEAT_LOCK_UNAVAILABLE").contains(JsonPath.from(r.body()).getString("code")), r.body());
            assertEquals("2", r.headers().firstValue("Retry-After").orElse(null), "says when to retry");
        }
        assertEquals(0, Fixtures.bookingsOf(db, stage.scheduleId()), "nothing written");
    }
}
