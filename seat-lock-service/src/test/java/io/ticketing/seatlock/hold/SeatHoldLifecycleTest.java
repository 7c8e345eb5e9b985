package io.ticketing.seatlock.hold;

import static io.ticketing.seatlock.support.TestData.seats;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.ticketing.seatlock.support.RedisTestResource;
import io.ticketing.seatlock.support.SeatApi;
import io.ticketing.seatlock.support.ShortHoldProfile;
import io.ticketing.seatlock.support.TestData;
import io.ticketing.testsupport.DevTokens;
import io.ticketing.testsupport.Race;

/** Expiry, extension and its cap, owner-only release and extend, and verify, with two-second holds. */
@QuarkusTest
@TestProfile(ShortHoldProfile.class)
@WithTestResource(RedisTestResource.class)
class SeatHoldLifecycleTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void expiredHoldFreesTheSeatForExactlyOneOfTheNextRacers() throws Exception {
        long schedule = TestData.newScheduleId();
        String token = SeatApi.lockToken("early-bird", schedule, seats(7));
        SeatApi.lock("latecomer", schedule, seats(7)).statusCode(409);

        Thread.sleep(2300);

        SeatApi.verify("early-bird", schedule, token, seats(7)).statusCode(200)
                .body("valid", is(false)).body("seats[0].status", is("FREE")).body("expires_at", nullValue());
        SeatApi.extend("early-bird", schedule, token).statusCode(410).body("code", is("LOCK_EXPIRED"));
        String body = SeatApi.json(Map.of("schedule_id", schedule, "seats", seats(7)));
        Race.Outcome outcome = Race.run(50,
                user -> Race.post(base, "/api/v1/tickets/seats/lock", DevTokens.bearer("next-" + user), body));
        outcome.print("50 users race for seat 1열-7번 after the first hold expired");
        assertEquals(1, outcome.count(200));
        assertEquals(49, outcome.count(409));
    }

    @Test
    void extensionPushesExpiryOutUntilTheCap() throws Exception {
        long schedule = TestData.newScheduleId();
        Instant lockedAt = Instant.now();
        var lock = SeatApi.lock("extender", schedule, seats(1)).statusCode(200).extract();
        String token = lock.path("lock_token");
        Instant firstExpiry = Instant.parse(lock.path("expires_at"));

        Thread.sleep(300);
        Instant extended = Instant.parse(SeatApi.extend("extender", schedule, token).statusCode(200)
                .extract().path("expires_at"));
        assertTrue(extended.isAfter(firstExpiry), "extend moves the expiry later");

        int extensions = 1;
        String code = null;
        while (code == null && extensions < 30) {
            Thread.sleep(300);
            var answer = SeatApi.extend("extender", schedule, token).extract();
            if (answer.statusCode() == 200) {
                extensions++;
                Instant expiry = Instant.parse(answer.path("expires_at"));
                assertFalse(expiry.isAfter(lockedAt.plus(Duration.ofMillis(4500))), "never past the 4 s cap");
            } else {
                assertEquals(409, answer.statusCode());
                code = answer.path("code");
            }
        }
        assertEquals("HOLD_EXTENSION_LIMIT", code);
        SeatApi.verify("extender", schedule, token, seats(1)).body("valid", is(true));
    }

    @Test
    void lockingOwnSeatsAgainIsNotAConflictAndKeepsTheCap() throws Exception {
        long schedule = TestData.newScheduleId();
        Instant lockedAt = Instant.now();
        String first = SeatApi.lockToken("repeat", schedule, seats(1, 2));
        Thread.sleep(1500);
        String second = SeatApi.lockToken("repeat", schedule, seats(2, 3));

        SeatApi.verify("repeat", schedule, second, seats(2, 3)).body("valid", is(true));
        SeatApi.verify("repeat", schedule, first, seats(1)).body("valid", is(true));
        SeatApi.verify("repeat", schedule, first, seats(2)).body("valid", is(false));
        Thread.sleep(1500);
        // Locking again and again never outruns the cap that started with the first hold.
        Instant third = Instant.parse(SeatApi.lock("repeat", schedule, seats(2, 3)).statusCode(200).extract().path("expires_at"));
        assertFalse(third.isAfter(lockedAt.plus(Duration.ofMillis(4500))), "re-lock ran past the cap: " + third);
    }

    @Test
    void releasingOrLettingExpireAndLockingAgainDoesNotRestartTheCap() throws Exception {
        // Issue 9, hole 6: the cap was per hold, so release-then-lock (or lock after expiry) gave a
        // user a fresh 10 minutes, for ever. It is per user and schedule now.
        long schedule = TestData.newScheduleId();
        Instant firstHold = Instant.now();
        String first = SeatApi.lockToken("hoarder", schedule, seats(1));
        Thread.sleep(1000);
        SeatApi.release("hoarder", schedule, first).statusCode(200);
        Instant second = Instant.parse(SeatApi.lock("hoarder", schedule, seats(2)).statusCode(200).extract().path("expires_at"));
        assertFalse(second.isAfter(firstHold.plus(Duration.ofMillis(4500))), "release-then-lock ran past the cap: " + second);

        Thread.sleep(Duration.between(Instant.now(), firstHold.plusMillis(4300)).toMillis());
        var refused = SeatApi.lock("hoarder", schedule, seats(3)).statusCode(409).body("code", is("HOLD_TIME_USED_UP")).extract();
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 3, "Retry-After names the window's end: " + retryAfter);
        SeatApi.lock("someone-else", schedule, seats(3)).statusCode(200);

        // Three seconds after the window ended (seven after it began), a new one opens.
        Thread.sleep(Duration.between(Instant.now(), firstHold.plusMillis(7300)).toMillis());
        SeatApi.lock("hoarder", schedule, seats(4)).statusCode(200);
    }

    @Test
    void onlyTheHolderCanReleaseWhileOthersRaceWithItsToken() throws Exception {
        long schedule = TestData.newScheduleId();
        String token = SeatApi.lockToken("owner", schedule, seats(4, 5));
        String body = SeatApi.json(Map.of("schedule_id", schedule, "lock_token", token));

        Race.Outcome outcome = Race.run(31, user -> Race.post(base, "/api/v1/tickets/seats/release",
                DevTokens.bearer(user == 0 ? "owner" : "thief-" + user), body));
        outcome.print("the holder and 30 others release one hold at once");

        assertEquals(1, outcome.count(200));
        assertEquals(0, outcome.withStatus(200).get(0).user(), "only the holder released");
        assertEquals(30, outcome.count(403));
        outcome.withStatus(403).forEach(r -> assertTrue(r.body().contains("NOT_LOCK_OWNER")));
        SeatApi.held("owner", schedule).body("seats", empty());
    }

    @Test
    void onlyTheHolderCanExtend() {
        long schedule = TestData.newScheduleId();
        String token = SeatApi.lockToken("owner", schedule, seats(1));
        SeatApi.extend("intruder", schedule, token).statusCode(403).body("code", is("NOT_LOCK_OWNER"));
        SeatApi.release("intruder", schedule, token).statusCode(403).body("code", is("NOT_LOCK_OWNER"));
        SeatApi.verify("owner", schedule, token, seats(1)).body("valid", is(true));
    }

    @Test
    void releasingTwiceIsHarmless() {
        long schedule = TestData.newScheduleId();
        String token = SeatApi.lockToken("twice", schedule, seats(1, 2));
        SeatApi.release("twice", schedule, token).statusCode(200).body("released.number", is(List.of(1, 2)));
        SeatApi.release("twice", schedule, token).statusCode(200).body("released", empty());
        SeatApi.lockToken("someone-else", schedule, seats(1, 2));
    }

    @Test
    void releasingSomeSeatsKeepsTheRest() {
        long schedule = TestData.newScheduleId();
        String token = SeatApi.lockToken("partial", schedule, seats(1, 2));
        SeatApi.release("partial", schedule, token, seats(1)).statusCode(200).body("released.number", is(List.of(1)));
        SeatApi.verify("partial", schedule, token, seats(1, 2)).body("seats.status", is(List.of("FREE", "HELD_BY_YOU")));
        SeatApi.lock("other", schedule, seats(1)).statusCode(200);
    }

    @Test
    void unknownTokenIsGone() {
        long schedule = TestData.newScheduleId();
        String unknown = UUID.randomUUID().toString();
        SeatApi.release("nobody", schedule, unknown).statusCode(410).body("code", is("LOCK_EXPIRED"));
        SeatApi.extend("nobody", schedule, unknown).statusCode(410).body("code", is("LOCK_EXPIRED"));
    }

    @Test
    void verifyReportsEachSeatAsTheTokenHolderSeesIt() {
        long schedule = TestData.newScheduleId();
        String mine = SeatApi.lockToken("me", schedule, seats(1));
        SeatApi.lockToken("you", schedule, seats(2));

        SeatApi.verify("me", schedule, mine, seats(1, 2, 3)).statusCode(200).body("valid", is(false))
                .body("seats.status", is(List.of("HELD_BY_YOU", "HELD_BY_OTHER", "FREE")));
        SeatApi.verify("me", schedule, mine, seats(1)).body("valid", is(true)).body("expires_at", not(nullValue()));
        // Someone else presenting my token learns nothing from it.
        SeatApi.verify("you", schedule, mine, seats(1)).body("valid", is(false))
                .body("seats[0].status", is("HELD_BY_OTHER")).body("expires_at", nullValue());
    }

    @Test
    void heldSeatsNeverRevealWhoHoldsThem() {
        long schedule = TestData.newScheduleId();
        String secret = SeatApi.lockToken("alice-secret-id", schedule, seats(1));
        SeatApi.lockToken("bob", schedule, seats(2));

        String body = SeatApi.held("bob", schedule).statusCode(200)
                .body("schedule_id", is(schedule))
                .body("seats.find { it.number == 1 }.status", is("HELD"))
                .body("seats.find { it.number == 2 }.status", is("HELD_BY_YOU"))
                .extract().asString();
        assertFalse(body.contains("alice-secret-id"));
        assertFalse(body.contains(secret));
    }
}
