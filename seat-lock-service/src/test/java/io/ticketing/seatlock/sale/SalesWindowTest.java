package io.ticketing.seatlock.sale;

import static io.ticketing.seatlock.support.TestData.seat;
import static io.ticketing.seatlock.support.TestData.seats;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.ticketing.seatlock.hold.BookingClaimTest;
import io.ticketing.seatlock.support.RedisTestResource;
import io.ticketing.seatlock.support.SeatApi;
import io.ticketing.seatlock.support.TestData;
import io.ticketing.testsupport.DevTokens;

/**
 * Issue 11: seat-lock holds only seats of a schedule booking published, inside its sales window,
 * checked in the hold's own script: nothing is written for a refused hold.
 */
@QuarkusTest
@WithTestResource(RedisTestResource.class)
class SalesWindowTest {

    @Inject
    RedisDataSource redis;

    @TestHTTPResource
    URI base;

    @Test
    void aScheduleNeverPublishedIsUnknownAndNothingIsWritten() {
        TestData.internal("/internal/v1/seat-maps/complete", Map.of()).statusCode(204);
        long schedule = TestData.unpublishedScheduleId();
        SeatApi.lock("fan", schedule, seats(1)).statusCode(404).body("code", is("SCHEDULE_NOT_FOUND"));
        assertEquals(List.of(), keysOf(schedule));
        // The claim of free seats, booking's way in without a hold, is refused the same way.
        BookingClaimTest.claim("fan", schedule, null, seats(1)).statusCode(404).body("code", is("SCHEDULE_NOT_FOUND"));
        assertEquals(List.of(), keysOf(schedule));
    }

    /**
     * After Redis came back empty, a schedule seat-lock does not know may be one booking has not
     * published again yet: until booking says its round is complete, a hold is told 503, try again
     * (in the middle of a sale, people must not read that their show does not exist).
     */
    @Test
    void untilBookingHasPublishedEverythingAnUnknownScheduleIsNotYetUnknown() {
        long known = TestData.newScheduleId();
        redis.execute("DEL", "seat_sales_complete");
        long schedule = TestData.unpublishedScheduleId();
        SeatApi.lock("fan", schedule, seats(1)).statusCode(503).body("code", is("LOCK_STORE_UNAVAILABLE"))
                .header("Retry-After", "1");
        SeatApi.lock("fan", known, seats(1)).statusCode(200);
        TestData.internal("/internal/v1/seat-maps/complete", Map.of()).statusCode(204);
        SeatApi.lock("fan", schedule, seats(1)).statusCode(404).body("code", is("SCHEDULE_NOT_FOUND"));
        assertEquals(List.of(), keysOf(schedule));
    }

    @Test
    void aSeatOutsideTheSeatMapIsRefusedWithItsNameAndNothingIsWritten() {
        long schedule = TestData.newScheduleId();
        List<String> before = keysOf(schedule);
        SeatApi.lock("fan", schedule, List.of(seat("1열", 3), seat("1500열", 1), seat("B", 101))).statusCode(404)
                .body("code", is("SEAT_NOT_FOUND")).body("detail", Matchers.containsString("1500열-1번"))
                .body("detail", Matchers.containsString("B-101번"));
        BookingClaimTest.claim("fan", schedule, null, List.of(seat("Z", 1))).statusCode(404).body("code", is("SEAT_NOT_FOUND"));
        assertEquals(before, keysOf(schedule), "a refused hold writes nothing");
        SeatApi.lock("fan", schedule, seats(3)).statusCode(200);
    }

    @Test
    void beforeTheOpeningAndAfterTheCloseHoldsAreRefusedWithTheWindowInTheBody() {
        long schedule = TestData.newScheduleId();
        Instant opens = Instant.now().plus(Duration.ofMinutes(2)).truncatedTo(ChronoUnit.MILLIS);
        TestData.publish(schedule, 2, opens, opens.plus(Duration.ofHours(1)), List.of(Map.of("row", "1열", "numbers", List.of(1, 2))),
                List.of()).body("outcome", is("PUBLISHED"));
        List<String> before = keysOf(schedule);
        SeatApi.lock("early", schedule, seats(1)).statusCode(409).body("code", is("SALES_NOT_OPEN"))
                .body("sales_open_at", is(opens.toString())).body("detail", Matchers.containsString(opens.toString()));
        assertEquals(before, keysOf(schedule));

        Instant closed = Instant.now().minus(Duration.ofSeconds(1)).truncatedTo(ChronoUnit.MILLIS);
        TestData.publish(schedule, 3, closed.minus(Duration.ofHours(1)), closed, List.of(Map.of("row", "1열", "numbers", List.of(1, 2))),
                List.of()).body("outcome", is("PUBLISHED"));
        SeatApi.lock("late", schedule, seats(1)).statusCode(409).body("code", is("SALES_CLOSED"))
                .body("sales_close_at", is(closed.toString()));
    }

    @Test
    void anOlderPublicationArrivingLateChangesNothing() {
        long schedule = TestData.newScheduleId();
        TestData.publish(schedule, 5, Instant.now().minusSeconds(60), Instant.now().plusSeconds(3_600),
                List.of(Map.of("row", "1열", "numbers", List.of(1))), List.of()).body("outcome", is("PUBLISHED"));
        TestData.publish(schedule, 4, Instant.now().minusSeconds(60), Instant.now().plusSeconds(3_600),
                List.of(Map.of("row", "1열", "numbers", List.of(1, 2))), List.of()).body("outcome", is("STALE"))
                .body("published_version", is(5));
        SeatApi.lock("fan", schedule, seats(2)).statusCode(404).body("code", is("SEAT_NOT_FOUND"));
        TestData.internal("/internal/v1/seat-maps/versions", Map.of("schedule_ids", List.of(schedule, schedule + 1)))
                .statusCode(200).body("versions[0].version", is(5)).body("versions[1].version", Matchers.nullValue());
    }

    @Test
    void aSeatInSomeonesHandsNeverLeavesTheSeatMap() {
        long schedule = TestData.newScheduleId();
        SeatApi.lockToken("holder", schedule, seats(7));
        Instant opens = Instant.now().minusSeconds(3_600);
        Instant closes = Instant.now().plusSeconds(86_400);
        List<Map<String, Object>> withoutSeven = List.of(Map.of("row", "1열", "numbers", IntStream.rangeClosed(1, 20)
                .filter(n -> n != 7 && n != 8).boxed().toList()));
        TestData.publish(schedule, 2, opens, closes, withoutSeven, List.of(Map.of("row", "1열", "numbers", List.of(7, 8))))
                .body("outcome", is("SEATS_IN_USE")).body("seats_in_use.number", is(List.of(7)));
        // The older map stays: seat 8 can still be held, seat 21 too.
        SeatApi.lock("other", schedule, seats(8)).statusCode(200);
        SeatApi.lock("other", schedule, seats(21)).statusCode(200);
    }

    @Test
    void aWithdrawnSeatCannotBeHeld() {
        long schedule = TestData.newScheduleId();
        TestData.publish(schedule, 2, Instant.now().minusSeconds(60), Instant.now().plusSeconds(3_600),
                List.of(Map.of("row", "1열", "numbers", List.of(1, 2))), List.of(Map.of("row", "1열", "numbers", List.of(3))))
                .body("outcome", is("PUBLISHED"));
        SeatApi.lock("fan", schedule, seats(3)).statusCode(404).body("code", is("SEAT_NOT_FOUND"));
        String token = SeatApi.lockToken("fan", schedule, seats(1, 2));
        // A hold of one's own is no way in: a claim names its origin hold, and still only seats of the map.
        BookingClaimTest.claim("fan", schedule, token, seats(3)).statusCode(404).body("code", is("SEAT_NOT_FOUND"));
        BookingClaimTest.claim("fan", schedule, token, seats(1, 2)).statusCode(200);
    }

    @Test
    void aSeatMapWhosePagesWereLostIsNotInstalled() {
        long schedule = TestData.newScheduleId();
        String staging = UUID.randomUUID().toString();
        TestData.internal("/internal/v1/seat-maps/staged", Map.of("schedule_id", schedule, "staging", staging,
                "seats", List.of(Map.of("row", "1열", "numbers", List.of(1, 2))))).statusCode(200);
        // Booking staged three pages' worth; Redis has only what one page brought (restarted, expired).
        TestData.internal("/internal/v1/seat-maps", Map.of("schedule_id", schedule, "version", 2, "sales_open_at",
                Instant.now().minusSeconds(60).toString(), "sales_close_at", Instant.now().plusSeconds(3_600).toString(),
                "keep_until", Instant.now().plusSeconds(7_200).toString(), "staging", staging, "seats", 5_000, "off_sale", List.of()))
                .statusCode(503).body("code", is("LOCK_STORE_UNAVAILABLE"));
        // The map published before stays, and its version too, so booking publishes again.
        SeatApi.lock("fan", schedule, seats(500)).statusCode(200);
        TestData.internal("/internal/v1/seat-maps/versions", Map.of("schedule_ids", List.of(schedule))).statusCode(200)
                .body("versions[0].version", is(1));
    }

    /**
     * How long the 200 presses of the opening race are spread over, centred on the opening. The issue
     * asks for 100 ms; on this 2-core machine, which runs the service and all 200 clients, the first
     * answers of such a burst come back 120 to 160 ms after the first presses, so that within 100 ms
     * almost no press is seen before the opening and the test could not tell enforcement from none.
     */
    static final long SPREAD_MS = 200;

    /**
     * The opening second: 200 users press lock within the {@value #SPREAD_MS} ms around
     * {@code sales_open_at}, 20 on each of 10 seats. Every lock that ran before the opening is refused with SALES_NOT_OPEN; after
     * it, exactly one user wins each seat.
     */
    @Test
    void atTheOpeningSecondNothingIsHeldEarlyAndEachSeatGoesToExactlyOneUser() throws Exception {
        long schedule = TestData.newScheduleId();
        Instant opens = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.MILLIS);
        TestData.publish(schedule, 2, opens, opens.plus(Duration.ofHours(1)),
                List.of(Map.of("row", "1열", "numbers", IntStream.rangeClosed(1, 10).boxed().toList())), List.of())
                .body("outcome", is("PUBLISHED"));
        int users = 200;
        long rehearsal = TestData.newScheduleId();
        record Answer(int user, int seat, long sentAtMs, long answeredAtMs, int status, String body) {
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<HttpRequest> requests = new ArrayList<>();
        List<String> tokens = IntStream.range(0, users).mapToObj(user -> DevTokens.bearer("opener-" + user)).toList();
        for (int user = 0; user < users; user++) {
            requests.add(HttpRequest.newBuilder(base.resolve("/api/v1/tickets/seats/lock")).timeout(Duration.ofSeconds(20))
                    .header("Authorization", tokens.get(user)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(SeatApi.json(Map.of("schedule_id", schedule,
                            "seats", seats(user % 10 + 1))))).build());
        }
        ExecutorService pool = Executors.newFixedThreadPool(users);
        List<Future<Answer>> futures = new ArrayList<>();
        long first = opens.toEpochMilli() - SPREAD_MS / 2;
        try {
            for (int user = 0; user < users; user++) {
                int id = user;
                long at = first + user * SPREAD_MS / users;
                futures.add(pool.submit(() -> {
                    // Each user's page is open before the opening, as a waiting page's would be: its
                    // connection is made and its token known (a first token costs a signature check).
                    // The service is warm too: each user holds and lets go a seat of another sale first.
                    HttpRequest warmUp = HttpRequest.newBuilder(base.resolve("/api/v1/tickets/seats/lock"))
                            .header("Authorization", tokens.get(id)).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(SeatApi.json(Map.of("schedule_id", rehearsal,
                                    "seats", seats(id + 1))))).build();
                    for (int round = 0; round < 3; round++) {
                        client.send(warmUp, HttpResponse.BodyHandlers.discarding());
                    }
                    long wait = at - System.currentTimeMillis();
                    if (wait > 0) {
                        Thread.sleep(wait);
                    }
                    long sent = System.currentTimeMillis();
                    HttpResponse<String> response = client.send(requests.get(id), HttpResponse.BodyHandlers.ofString());
                    return new Answer(id, id % 10 + 1, sent, System.currentTimeMillis(), response.statusCode(), response.body());
                }));
            }
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> future : futures) {
                answers.add(future.get());
            }
            Map<Integer, Integer> winners = new HashMap<>();
            int early = 0;
            for (Answer answer : answers) {
                String code = answer.status() == 200 ? "" : JsonPath.from(answer.body()).getString("code");
                if (answer.status() == 200) {
                    winners.merge(answer.seat(), 1, Integer::sum);
                    assertTrue(answer.answeredAtMs() >= opens.toEpochMilli(), "held before the opening: " + answer);
                } else if ("SALES_NOT_OPEN".equals(code)) {
                    early++;
                    assertTrue(answer.sentAtMs() < opens.toEpochMilli(), "refused as early after the opening: " + answer);
                    assertEquals(opens.toString(), JsonPath.from(answer.body()).getString("sales_open_at"));
                } else {
                    assertEquals(409, answer.status(), answer.toString());
                    assertEquals("SEAT_ALREADY_LOCKED", code, answer.toString());
                }
            }
            System.out.printf("Opening race: %d refused as early, %d holds, %d refused as taken; sent from %+d to %+d ms, "
                    + "answered from %+d to %+d ms of the opening%n", early, winners.values().stream().mapToInt(Integer::intValue).sum(),
                    users - early - winners.size(), answers.stream().mapToLong(a -> a.sentAtMs() - opens.toEpochMilli()).min().orElse(0),
                    answers.stream().mapToLong(a -> a.sentAtMs() - opens.toEpochMilli()).max().orElse(0),
                    answers.stream().mapToLong(a -> a.answeredAtMs() - opens.toEpochMilli()).min().orElse(0),
                    answers.stream().mapToLong(a -> a.answeredAtMs() - opens.toEpochMilli()).max().orElse(0));
            assertTrue(early > 0, "some users pressed before the opening");
            for (int seat = 1; seat <= 10; seat++) {
                assertEquals(1, winners.getOrDefault(seat, 0), "holders of seat " + seat);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private List<String> keysOf(long schedule) {
        List<String> all = new ArrayList<>();
        redis.execute("KEYS", "*{" + schedule + "}*").forEach(key -> all.add(key.toString()));
        all.sort(String::compareTo);
        return all;
    }
}
