package io.ticketing.seatlock.hold;

import static io.restassured.RestAssured.given;
import static io.ticketing.seatlock.support.TestData.seats;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
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
import io.restassured.response.ValidatableResponse;
import io.ticketing.seatlock.support.RedisTestResource;
import io.ticketing.seatlock.support.SeatApi;
import io.ticketing.seatlock.support.TestData;
import io.ticketing.testsupport.DevTokens;
import io.ticketing.testsupport.Race;

/** The internal API booking uses to turn a hold into a sale: claim, confirm, abort, cancel. */
@QuarkusTest
@WithTestResource(RedisTestResource.class)
public class BookingClaimTest {

    public static final String SERVICE_KEY = "local-only-service-key";

    @TestHTTPResource("/")
    URI base;

    @Inject
    RedisDataSource redis;

    @Test
    void internalApiNeedsTheServiceKey() {
        long schedule = TestData.newScheduleId();
        given().header("Authorization", DevTokens.bearer("sneaky")).contentType("application/json")
                .body(Map.of("schedule_id", schedule, "seats", seats(1)))
                .when().post("/internal/v1/seats/claims")
                .then().statusCode(403).body("code", is("SERVICE_KEY_INVALID"));
        given().header("Authorization", DevTokens.bearer("sneaky")).header("X-Service-Key", "guess")
                .contentType("application/json").body(Map.of("schedule_id", schedule, "seats", seats(1)))
                .when().post("/internal/v1/seats/claims")
                .then().statusCode(403);
        SeatApi.held("sneaky", schedule).body("seats", empty());
    }

    @Test
    void claimTakesTheHoldWithALargerFencingTokenAndLocksOthersOut() {
        long schedule = TestData.newScheduleId();
        var lock = SeatApi.lock("buyer", schedule, seats(1, 2)).statusCode(200).extract();
        long holdFence = ((Number) lock.path("fencing_token")).longValue();

        claim("buyer", schedule, lock.path("lock_token"), seats(1, 2)).statusCode(200)
                .body("fencing_token", greaterThan(holdFence)).body("ttl_millis", allOf(greaterThan(29_000), lessThanOrEqualTo(30_000)));
        SeatApi.lock("other", schedule, seats(2)).statusCode(409).body("code", is("SEAT_ALREADY_LOCKED"));
        // Re-locking cannot take a seat back out of a booking in progress, not even for its owner.
        SeatApi.lock("buyer", schedule, seats(2)).statusCode(409);
    }

    @Test
    void confirmedSeatsAreSoldUntilTheBookingIsCancelled() {
        long schedule = TestData.newScheduleId();
        String claim = claim("buyer", schedule, null, seats(3)).statusCode(200).extract().path("claim_token");
        internal("buyer", "/internal/v1/seats/claims/confirm",
                Map.of("schedule_id", schedule, "claim_token", claim, "booking_id", 77, "seats", seats(3)))
                .statusCode(200).body("seats", is(1));

        SeatApi.verify("buyer", schedule, UUID.randomUUID().toString(), seats(3)).body("seats[0].status", is("BOOKED"));
        SeatApi.lock("late", schedule, seats(3)).statusCode(409).body("code", is("SEAT_ALREADY_BOOKED"))
                .body("detail", is("이미 선택된 좌석입니다.")).body("conflicting_seats[0].reason", is("BOOKED"));
        claim("late", schedule, null, seats(3)).statusCode(409).body("code", is("SEAT_ALREADY_BOOKED"));
        // Only the booking that sold a seat can free it.
        internal("buyer", "/internal/v1/seats/bookings/cancel", Map.of("schedule_id", schedule, "booking_id", 78, "seats", seats(3)))
                .statusCode(200).body("seats", is(0));
        internal("buyer", "/internal/v1/seats/bookings/cancel", Map.of("schedule_id", schedule, "booking_id", 77, "seats", seats(3)))
                .statusCode(200).body("seats", is(1));
        SeatApi.lock("late", schedule, seats(3)).statusCode(200);
    }

    @Test
    void aConfirmRetriedAfterTheCancelDoesNotSellTheSeatAgain() {
        // Issue 9, hole 4: booking's confirm is retried in the background when its answer is lost;
        // the retry can land after the user cancelled. Before the fix it marked the seat sold again,
        // and every lock answered SEAT_ALREADY_BOOKED for a seat the database says is free.
        long schedule = TestData.newScheduleId();
        String claim = claim("buyer", schedule, null, seats(6)).statusCode(200).extract().path("claim_token");
        Map<String, Object> confirm = Map.of("schedule_id", schedule, "claim_token", claim, "booking_id", 90, "seats", seats(6));
        internal("buyer", "/internal/v1/seats/claims/confirm", confirm).statusCode(200).body("seats", is(1));
        internal("buyer", "/internal/v1/seats/bookings/cancel", Map.of("schedule_id", schedule, "booking_id", 90, "seats", seats(6)))
                .statusCode(200).body("seats", is(1));

        internal("buyer", "/internal/v1/seats/claims/confirm", confirm).statusCode(200).body("seats", is(0));
        SeatApi.lock("next", schedule, seats(6)).statusCode(200);
    }

    @Test
    void soldMarkersLastUntilTheSoldUntilBookingSends() throws InterruptedException {
        long schedule = TestData.newScheduleId();
        String claim = claim("buyer", schedule, null, seats(4)).statusCode(200).extract().path("claim_token");
        Instant soldUntil = Instant.now().plusSeconds(4);
        internal("buyer", "/internal/v1/seats/claims/confirm", Map.of("schedule_id", schedule, "claim_token", claim,
                "booking_id", 79, "seats", seats(4), "sold_until", soldUntil.toString())).statusCode(200).body("seats", is(1));
        SeatApi.lock("late", schedule, seats(4)).statusCode(409).body("code", is("SEAT_ALREADY_BOOKED"));

        // After the show Redis lets the marker go by itself (the database still knows the seat is sold).
        Thread.sleep(Duration.between(Instant.now(), soldUntil).plusMillis(300).toMillis());
        SeatApi.lock("late", schedule, seats(4)).statusCode(200);
    }

    @Test
    void abortGivesTheSeatsBackToTheHoldTheyCameFrom() {
        long schedule = TestData.newScheduleId();
        String hold = SeatApi.lockToken("buyer", schedule, seats(1, 2));
        String claim = claim("buyer", schedule, hold, seats(1)).statusCode(200).extract().path("claim_token");
        SeatApi.verify("buyer", schedule, hold, seats(1, 2)).body("seats.status", is(List.of("HELD_BY_OTHER", "HELD_BY_YOU")));

        internal("buyer", "/internal/v1/seats/claims/abort", Map.of("schedule_id", schedule, "claim_token", claim))
                .statusCode(200).body("seats", is(1));
        SeatApi.verify("buyer", schedule, hold, seats(1, 2)).body("valid", is(true));
        internal("buyer", "/internal/v1/seats/claims/abort", Map.of("schedule_id", schedule, "claim_token", claim))
                .statusCode(200).body("seats", is(0));
    }

    @Test
    void abortOfFreeSeatsFreesThem() {
        long schedule = TestData.newScheduleId();
        String claim = claim("buyer", schedule, null, seats(5)).statusCode(200).extract().path("claim_token");
        internal("intruder", "/internal/v1/seats/claims/abort", Map.of("schedule_id", schedule, "claim_token", claim))
                .statusCode(403).body("code", is("NOT_LOCK_OWNER"));
        internal("buyer", "/internal/v1/seats/claims/abort", Map.of("schedule_id", schedule, "claim_token", claim))
                .statusCode(200);
        SeatApi.lock("next", schedule, seats(5)).statusCode(200);
    }

    @Test
    void repeatingAClaimWithItsTokenReturnsTheSameClaim() {
        long schedule = TestData.newScheduleId();
        String token = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("schedule_id", schedule, "seats", seats(6), "claim_token", token);
        long fence = ((Number) internal("buyer", "/internal/v1/seats/claims", body).statusCode(200)
                .body("claim_token", is(token)).extract().path("fencing_token")).longValue();
        internal("buyer", "/internal/v1/seats/claims", body).statusCode(200).body("fencing_token", is(fence));
        internal("thief", "/internal/v1/seats/claims", body).statusCode(403).body("code", is("NOT_LOCK_OWNER"));
    }

    @Test
    void aRepeatedClaimReportsTheTimeItHasLeftNotTheFullTtl() throws InterruptedException {
        // Issue 9, hole 2: booking sets its commit deadline from ttl_millis. A retry that reuses a
        // claim made earlier was told the full TTL, and could commit after the claim had expired.
        long schedule = TestData.newScheduleId();
        Map<String, Object> body = Map.of("schedule_id", schedule, "seats", seats(7), "claim_token", UUID.randomUUID().toString());
        long full = ((Number) internal("buyer", "/internal/v1/seats/claims", body).statusCode(200).extract().path("ttl_millis"))
                .longValue();
        Thread.sleep(1_500);
        long left = ((Number) internal("buyer", "/internal/v1/seats/claims", body).statusCode(200).extract().path("ttl_millis"))
                .longValue();
        assertTrue(left <= full - 1_500 && left > 0, "a claim 1.5 s old reports " + left + " ms of " + full + " left");
    }

    @Test
    void anAbortByOneAttemptLeavesTheClaimToTheAttemptsStillUsingIt() {
        // Issue 9, hole 1: twins (one Idempotency-Key) and retries share one claim token. Before the
        // fix the first abort gave the whole claim back while the twin was still booking under it,
        // and a third user could then claim the seats.
        long schedule = TestData.newScheduleId();
        String token = UUID.randomUUID().toString();
        String first = UUID.randomUUID().toString();
        String twin = UUID.randomUUID().toString();
        internal("buyer", "/internal/v1/seats/claims", Map.of("schedule_id", schedule, "seats", seats(8), "claim_token", token,
                "attempt", first)).statusCode(200);
        internal("buyer", "/internal/v1/seats/claims", Map.of("schedule_id", schedule, "seats", seats(8), "claim_token", token,
                "attempt", twin)).statusCode(200);

        internal("buyer", "/internal/v1/seats/claims/abort", Map.of("schedule_id", schedule, "claim_token", token, "attempt", first))
                .statusCode(200).body("seats", is(0));
        SeatApi.lock("third", schedule, seats(8)).statusCode(409).body("code", is("SEAT_ALREADY_LOCKED"));
        internal("buyer", "/internal/v1/seats/claims/abort", Map.of("schedule_id", schedule, "claim_token", token, "attempt", twin))
                .statusCode(200).body("seats", is(1));
        SeatApi.lock("third", schedule, seats(8)).statusCode(200);
    }

    @Test
    void aClaimArrivingAfterItsOwnAbortTakesNothing() {
        // Issue 9, hole 3: booking stopped waiting for a claim and aborted it while the claim was
        // still on its way. Before the fix the late claim then took the user's held seats: the user
        // was told their own seats were taken, and when the claim expired they were free to anyone.
        long schedule = TestData.newScheduleId();
        String hold = SeatApi.lockToken("buyer", schedule, seats(10));
        String token = UUID.randomUUID().toString();
        String attempt = UUID.randomUUID().toString();
        internal("buyer", "/internal/v1/seats/claims/abort", Map.of("schedule_id", schedule, "claim_token", token, "attempt", attempt))
                .statusCode(200).body("seats", is(0));

        Map<String, Object> late = new HashMap<>(Map.of("schedule_id", schedule, "seats", seats(10), "lock_token", hold,
                "claim_token", token, "attempt", attempt));
        internal("buyer", "/internal/v1/seats/claims", late).statusCode(410).body("code", is("LOCK_EXPIRED"));
        SeatApi.verify("buyer", schedule, hold, seats(10)).body("valid", is(true));
        SeatApi.lock("other", schedule, seats(10)).statusCode(409);
        // The user's next attempt books from the hold as usual.
        late.put("claim_token", UUID.randomUUID().toString());
        late.put("attempt", UUID.randomUUID().toString());
        internal("buyer", "/internal/v1/seats/claims", late).statusCode(200);
    }

    @Test
    void aClaimTokenNamesOneSetOfSeats() {
        // Issue 9, hole 8: a repeated claim returned the claim already made whatever seats it named,
        // so a token reused for other seats was told they were claimed.
        long schedule = TestData.newScheduleId();
        String token = UUID.randomUUID().toString();
        internal("buyer", "/internal/v1/seats/claims", Map.of("schedule_id", schedule, "seats", seats(11), "claim_token", token))
                .statusCode(200);
        internal("buyer", "/internal/v1/seats/claims", Map.of("schedule_id", schedule, "seats", seats(11, 12), "claim_token", token))
                .statusCode(409).body("code", is("CLAIM_TOKEN_REUSED"));
        internal("buyer", "/internal/v1/seats/claims", Map.of("schedule_id", schedule, "seats", seats(12), "claim_token", token))
                .statusCode(409).body("code", is("CLAIM_TOKEN_REUSED"));
        SeatApi.lock("other", schedule, seats(12)).statusCode(200);
        internal("buyer", "/internal/v1/seats/claims", Map.of("schedule_id", schedule, "seats", seats(11), "claim_token", token))
                .statusCode(200);
    }

    @Test
    void soldSeatsLeaveTheIndexTheSeatMapReads() {
        // Issue 9, hole 7: confirm added sold seats to the schedule's index, which never shrinks for
        // them, and list.lua (every seat-map read, one blocking script) read them all, again and
        // again: its cost grew with every seat sold. Sold seats are the database's to list.
        long schedule = TestData.newScheduleId();
        for (int seat = 1; seat <= 20; seat++) {
            String buyer = "buyer-" + seat;
            String claim = claim(buyer, schedule, null, seats(seat)).statusCode(200).extract().path("claim_token");
            internal(buyer, "/internal/v1/seats/claims/confirm", Map.of("schedule_id", schedule, "claim_token", claim,
                    "booking_id", 1_000 + seat, "seats", seats(seat))).statusCode(200).body("seats", is(1));
        }
        SeatApi.lock("fan", schedule, seats(21)).statusCode(200);

        assertEquals(1L, redis.set(String.class).scard("seat_index:{" + schedule + "}"), "only the held seat is indexed");
        SeatApi.held("fan", schedule).body("seats.size()", is(1));
        SeatApi.lock("late", schedule, seats(7)).statusCode(409).body("code", is("SEAT_ALREADY_BOOKED"));
    }

    @Test
    void claimNeedsALiveHoldOfTheCaller() {
        long schedule = TestData.newScheduleId();
        claim("buyer", schedule, UUID.randomUUID().toString(), seats(1)).statusCode(410).body("code", is("LOCK_EXPIRED"));
        String someoneElses = SeatApi.lockToken("holder", schedule, seats(1));
        claim("buyer", schedule, someoneElses, seats(1)).statusCode(403).body("code", is("NOT_LOCK_OWNER"));
        claim("buyer", schedule, null, seats(1)).statusCode(409).body("code", is("SEAT_ALREADY_LOCKED"));
        SeatApi.verify("holder", schedule, someoneElses, seats(1)).body("valid", is(true));
    }

    @Test
    void manyClaimsOnOneFreeSeatHaveOneWinner() throws Exception {
        long schedule = TestData.newScheduleId();
        String body = SeatApi.json(Map.of("schedule_id", schedule, "seats", seats(9)));
        Race.Outcome outcome = Race.run(50, user -> {
            HttpRequest plain = Race.post(base, "/internal/v1/seats/claims", DevTokens.bearer("claimer-" + user), body);
            return HttpRequest.newBuilder(plain, (name, value) -> true).header("X-Service-Key", SERVICE_KEY).build();
        });
        outcome.print("50 bookings claim free seat 1열-9번 at once");
        assertEquals(1, outcome.count(200));
        assertEquals(49, outcome.count(409));
    }

    public static ValidatableResponse claim(String user, long schedule, String lockToken, List<Map<String, Object>> seats) {
        Map<String, Object> body = new HashMap<>(Map.of("schedule_id", schedule, "seats", seats));
        if (lockToken != null) {
            body.put("lock_token", lockToken);
        }
        return internal(user, "/internal/v1/seats/claims", body);
    }

    public static ValidatableResponse internal(String user, String path, Map<String, Object> body) {
        return given().header("Authorization", DevTokens.bearer(user)).header("X-Service-Key", SERVICE_KEY)
                .contentType("application/json").body(body).when().post(path).then();
    }
}
