package io.ticketing.seatlock.stream;

import static io.ticketing.seatlock.hold.BookingClaimTest.claim;
import static io.ticketing.seatlock.hold.BookingClaimTest.internal;
import static io.ticketing.seatlock.support.TestData.seat;
import static io.ticketing.seatlock.support.TestData.seats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.ticketing.seatlock.support.RedisTestResource;
import io.ticketing.seatlock.support.SeatApi;
import io.ticketing.seatlock.support.TestData;
import io.ticketing.testsupport.DevTokens;
import io.ticketing.testsupport.Race;
import io.ticketing.testsupport.SeatStreamClient;

/**
 * Issue 12: the live seat map. A stream starts with a snapshot of every seat and then carries every
 * change a script makes (hold, release, claim, sale, cancel) within a fraction of a second, never who
 * holds a seat; a client that reconnects with its last event id carries on without a gap.
 */
@QuarkusTest
@WithTestResource(RedisTestResource.class)
class SeatStreamTest {

    private static final Duration SOON = Duration.ofSeconds(1);

    @TestHTTPResource
    URI base;

    @Inject
    RedisDataSource redis;

    @Test
    void aStreamStartsWithEverySeatAndCarriesHoldsAndReleases() {
        long schedule = TestData.newScheduleId();
        try (SeatStreamClient stream = SeatStreamClient.open(base, schedule)) {
            assertEquals(200, stream.status());
            assertTrue(stream.contentType().startsWith("text/event-stream"), stream.contentType());
            SeatStreamClient.Event snapshot = stream.next(SOON);
            assertNotNull(snapshot, "no snapshot");
            assertEquals("snapshot", snapshot.name());
            assertEquals(TestData.SEATS_IN_ROW_1 + 200, snapshot.seats().size());
            assertEquals("AVAILABLE", snapshot.seats().get("A:7"));

            String token = SeatApi.lockToken("alice-streams", schedule, List.of(seat("A", 7), seat("A", 8)));
            SeatStreamClient.Event held = stream.next(SOON);
            assertNotNull(held, "the hold was not announced within a second");
            assertEquals("seats", held.name());
            assertEquals(Map.of("A:7", "HELD", "A:8", "HELD"), held.seats());
            assertFalse(stream.events().toString().contains("alice"), "a stream never says who holds a seat");

            SeatApi.release("alice-streams", schedule, token, List.of(seat("A", 8))).statusCode(200);
            SeatStreamClient.Event released = stream.next(SOON);
            assertNotNull(released, "the release was not announced within a second");
            assertEquals(Map.of("A:8", "AVAILABLE"), released.seats());
            assertEquals("HELD", stream.state("A", 7));
        }
    }

    @Test
    void aSaleTurnsSeatsBookedAndItsCancellationFreesThem() {
        long schedule = TestData.newScheduleId();
        try (SeatStreamClient stream = SeatStreamClient.open(base, schedule)) {
            assertNotNull(stream.next(SOON));
            String claimToken = claim("buyer-streams", schedule, null, seats(3)).statusCode(200).extract().path("claim_token");
            assertTrue(stream.awaitState("1열", 3, "HELD", SOON), "the claim was not announced");
            internal("buyer-streams", "/internal/v1/seats/claims/confirm",
                    Map.of("schedule_id", schedule, "claim_token", claimToken, "booking_id", 501, "seats", seats(3))).statusCode(200);
            assertTrue(stream.awaitState("1열", 3, "BOOKED", SOON), "the sale was not announced");
            internal("buyer-streams", "/internal/v1/seats/bookings/cancel",
                    Map.of("schedule_id", schedule, "booking_id", 501, "seats", seats(3))).statusCode(200);
            assertTrue(stream.awaitState("1열", 3, "AVAILABLE", SOON), "the cancellation was not announced");
        }
    }

    @Test
    void aClientThatReconnectsGetsWhatItMissedAndNoSnapshot() {
        long schedule = TestData.newScheduleId();
        HttpClient http = HttpClient.newHttpClient();
        String lastId;
        try (SeatStreamClient stream = SeatStreamClient.open(http, base, schedule, null)) {
            assertNotNull(stream.next(SOON));
            SeatApi.lockToken("first-streams", schedule, List.of(seat("B", 1)));
            assertTrue(stream.awaitState("B", 1, "HELD", SOON));
            lastId = stream.lastEventId();
        }
        // While the client is away: two more holds.
        SeatApi.lockToken("second-streams", schedule, List.of(seat("B", 2)));
        SeatApi.lockToken("third-streams", schedule, List.of(seat("B", 3)));
        try (SeatStreamClient resumed = SeatStreamClient.open(http, base, schedule, lastId)) {
            List<String> named = new ArrayList<>();
            while (named.size() < 2) {
                SeatStreamClient.Event event = resumed.next(SOON);
                assertNotNull(event, "missed events were not sent: " + named);
                assertEquals("seats", event.name(), "a client with a known event id gets no snapshot");
                named.addAll(event.seats().keySet());
            }
            assertEquals(List.of("B:2", "B:3"), named);
        }
        // An id from long ago (or garbage) gets a fresh snapshot instead.
        try (SeatStreamClient stale = SeatStreamClient.open(http, base, schedule, "1-0")) {
            SeatStreamClient.Event first = stale.next(SOON);
            assertEquals("snapshot", first.name());
            assertEquals("HELD", first.seats().get("B:3"));
        }
    }

    /**
     * Redis lost the schedule's events and a hold with them (restarted empty, a failover that lost the
     * last writes): no script ran to free the seat, yet the streams must not show it held for ever.
     * They start over from a snapshot within about a second.
     */
    @Test
    void streamsStartOverWhenRedisLostTheirEvents() {
        long schedule = TestData.newScheduleId();
        try (SeatStreamClient stream = SeatStreamClient.open(base, schedule)) {
            assertNotNull(stream.next(SOON));
            SeatApi.lockToken("lost-streams", schedule, List.of(seat("A", 50)));
            assertTrue(stream.awaitState("A", 50, "HELD", SOON));
            redis.key().del("seat_events:{" + schedule + "}", "seat_lock:{" + schedule + "}:A:50");
            assertTrue(stream.awaitState("A", 50, "AVAILABLE", Duration.ofSeconds(3)), "the lost hold still shows held");
            assertEquals("snapshot", stream.events().get(stream.events().size() - 1).name());
        }
    }

    @Test
    void anUnknownScheduleIsAProblemNotAStream() {
        TestData.internal("/internal/v1/seat-maps/complete", Map.of()).statusCode(204);
        SeatStreamClient unknown = SeatStreamClient.open(base, TestData.unpublishedScheduleId());
        assertEquals(404, unknown.status());
        assertTrue(unknown.contentType().startsWith("application/problem+json"), unknown.contentType());
        assertTrue(unknown.errorBody().contains("SCHEDULE_NOT_FOUND"), unknown.errorBody());
        SeatStreamClient bad = SeatStreamClient.open(base, -4);
        assertEquals(400, bad.status());
    }

    /**
     * 300 users race for 30 seats of one schedule while 40 streams watch. Counted: every stream ends
     * with exactly the seats that were granted shown HELD and no other seat held, and all of them got
     * the same changes in the same order.
     */
    @Test
    void everyStreamSeesExactlyTheSeatsThatWereGranted() throws Exception {
        long schedule = TestData.newScheduleId();
        List<SeatStreamClient> streams = new ArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 40; i++) {
            streams.add(SeatStreamClient.open(http, base, schedule, null));
        }
        try {
            for (SeatStreamClient stream : streams) {
                assertEquals("snapshot", stream.next(SOON.multipliedBy(5)).name());
            }
            Race.Outcome outcome = Race.run(300, 5, user -> Race.post(base, "/api/v1/tickets/seats/lock",
                    DevTokens.bearer("racer-" + user + "-" + UUID.randomUUID()),
                    "{\"schedule_id\":" + schedule + ",\"seats\":[{\"row\":\"A\",\"number\":" + (1 + user % 30) + "}]}"));
            outcome.print("300 users race for 30 seats while 40 streams watch");
            assertEquals(30, outcome.count(200));
            Map<String, String> expected = new HashMap<>();
            for (int n = 1; n <= 30; n++) {
                expected.put("A:" + n, "HELD");
            }
            for (SeatStreamClient stream : streams) {
                for (int n = 1; n <= 30; n++) {
                    assertTrue(stream.awaitState("A", n, "HELD", SOON), "seat A:" + n + " never shown held");
                }
                Map<String, String> held = new HashMap<>();
                stream.states().forEach((seat, state) -> {
                    if (!state.equals("AVAILABLE")) {
                        held.put(seat, state);
                    }
                });
                assertEquals(expected, held);
                // Every stream got the same changes, in the same order (a hold that timed out, its user
                // told 503, is announced held and then free: the streams tell what happened).
                assertEquals(changes(streams.get(0)), changes(stream), "the streams disagree");
            }
        } finally {
            streams.forEach(SeatStreamClient::close);
        }
    }

    private static List<String> changes(SeatStreamClient stream) {
        return stream.events().stream().skip(1).map(event -> event.id() + " " + event.seats()).toList();
    }
}
