package io.ticketing.seatlock.hold;

import static io.ticketing.seatlock.support.TestData.seats;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.ticketing.seatlock.support.RedisTestResource;
import io.ticketing.seatlock.support.SeatApi;
import io.ticketing.seatlock.support.TestData;
import io.ticketing.testsupport.DevTokens;
import io.ticketing.testsupport.Race;

/**
 * Issue 9, hole 7, second half: every seat-map read was one script over every held seat of the
 * schedule, run for every reader, while locks waited behind it. Reads of one schedule within the
 * seat map's age now share one read, walked page by page.
 */
@QuarkusTest
@TestProfile(SeatMapReadTest.SharedReads.class)
@WithTestResource(RedisTestResource.class)
class SeatMapReadTest {

    /** Seat maps up to a second old: long enough to watch the sharing happen. */
    public static class SharedReads implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("seat-lock.seat-map-max-age", "PT1S");
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Inject
    MeterRegistry registry;

    @Test
    void fiftyReadersOfOneScheduleAtOnceCostRedisOneRead() throws Exception {
        long schedule = TestData.newScheduleId();
        SeatApi.lockToken("holder", schedule, seats(1, 2));
        double readsBefore = listReads();

        Race.Outcome outcome = Race.run(50, reader -> HttpRequest.newBuilder(base.resolve("/api/v1/tickets/seats?schedule_id=" + schedule))
                .header("Authorization", DevTokens.bearer("reader-" + reader)).GET().build());
        outcome.print("50 seat-map readers of one schedule at once");

        assertEquals(50, outcome.count(200));
        assertTrue(outcome.results().stream().allMatch(r -> r.body().contains("\"status\":\"HELD\"")), "every reader sees the holds");
        assertEquals(1.0, listReads() - readsBefore, "reads of Redis for 50 readers");
    }

    @Test
    void aReadIsAtMostTheSeatMapsAgeOldAndEachReaderSeesItsOwnSeats() throws Exception {
        long schedule = TestData.newScheduleId();
        String token = SeatApi.lockToken("holder", schedule, seats(3));
        SeatApi.held("holder", schedule).body("seats[0].status", is("HELD_BY_YOU"));
        SeatApi.held("other", schedule).body("seats[0].status", is("HELD"));

        SeatApi.release("holder", schedule, token).statusCode(200);
        Thread.sleep(Duration.ofMillis(1100));
        SeatApi.held("other", schedule).body("seats.size()", is(0));
    }

    @Test
    void aHallOfHeldSeatsIsReadPageByPage() {
        long schedule = TestData.newScheduleId();
        // 40 users hold 8 seats each: 320 held seats, more than one page of the index.
        for (int user = 0; user < 40; user++) {
            int first = user * 8 + 1;
            SeatApi.lockToken("fan-" + user, schedule, seats(first, first + 1, first + 2, first + 3, first + 4, first + 5,
                    first + 6, first + 7));
        }
        List<Map<String, Object>> held = SeatApi.held("fan-0", schedule).statusCode(200).extract().path("seats");
        assertEquals(320, held.size());
        assertEquals(8, held.stream().filter(seat -> "HELD_BY_YOU".equals(seat.get("status"))).count());
    }

    private double listReads() {
        var timer = registry.find("seat_lock.operation").tag("operation", "list").timer();
        return timer == null ? 0 : timer.count();
    }
}
