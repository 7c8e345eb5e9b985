package io.ticketing.seatlock.hold;

import static io.ticketing.seatlock.hold.BookingClaimTest.claim;
import static io.ticketing.seatlock.hold.BookingClaimTest.internal;
import static io.ticketing.seatlock.support.TestData.seats;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.ticketing.seatlock.support.RedisTestResource;
import io.ticketing.seatlock.support.SeatApi;
import io.ticketing.seatlock.support.TestData;
import io.ticketing.testsupport.DevTokens;
import io.ticketing.testsupport.Race;

/**
 * Issue 9, hole 6: one user could hold a whole hall. At most 8 seats of a schedule per user (the
 * default), held, being booked and booked together; each of these failed before the limit existed.
 */
@QuarkusTest
@WithTestResource(RedisTestResource.class)
class SeatLimitTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void aUserHoldsAtMostEightSeatsOfASchedule() {
        long schedule = TestData.newScheduleId();
        String five = SeatApi.lockToken("collector", schedule, seats(1, 2, 3, 4, 5));
        SeatApi.lockToken("collector", schedule, seats(6, 7, 8));

        SeatApi.lock("collector", schedule, seats(9)).statusCode(409).contentType("application/problem+json")
                .body("code", is("SEAT_LIMIT_REACHED")).body("detail", is("이 회차에서 한 사람이 선택·예매할 수 있는 좌석 수를 넘었습니다. 최대: 8석"));
        SeatApi.lock("collector", TestData.newScheduleId(), seats(9)).statusCode(200);
        SeatApi.lock("someone-else", schedule, seats(9)).statusCode(200);

        SeatApi.release("collector", schedule, five, seats(1)).statusCode(200);
        SeatApi.lock("collector", schedule, seats(10)).statusCode(200);
        // Seats the user already holds count once: moving them to a new hold is no new seat.
        SeatApi.lock("collector", schedule, seats(2, 3)).statusCode(200);
    }

    @Test
    void bookedSeatsCountUntilTheBookingIsCancelled() {
        long schedule = TestData.newScheduleId();
        var eight = seats(1, 2, 3, 4, 5, 6, 7, 8);
        String claim = claim("fan", schedule, null, eight).statusCode(200).extract().path("claim_token");
        internal("fan", "/internal/v1/seats/claims/confirm",
                Map.of("schedule_id", schedule, "claim_token", claim, "booking_id", 501, "seats", eight)).statusCode(200);

        SeatApi.lock("fan", schedule, seats(9)).statusCode(409).body("code", is("SEAT_LIMIT_REACHED"));
        claim("fan", schedule, null, seats(9)).statusCode(409).body("code", is("SEAT_LIMIT_REACHED"));

        internal("fan", "/internal/v1/seats/bookings/cancel", Map.of("schedule_id", schedule, "booking_id", 501, "seats", eight))
                .statusCode(200);
        SeatApi.lock("fan", schedule, seats(9)).statusCode(200);
    }

    @Test
    void aClaimOfTheUsersOwnHeldSeatsCountsThemOnce() {
        long schedule = TestData.newScheduleId();
        var eight = seats(1, 2, 3, 4, 5, 6, 7, 8);
        String hold = SeatApi.lockToken("buyer", schedule, eight);
        claim("buyer", schedule, hold, eight).statusCode(200);
    }

    @Test
    void twentyLocksByOneUserAtOnceGetEightSeats() throws Exception {
        long schedule = TestData.newScheduleId();
        String bearer = DevTokens.bearer("greedy");
        Race.Outcome outcome = Race.run(20, user -> Race.post(base, "/api/v1/tickets/seats/lock", bearer,
                SeatApi.json(Map.of("schedule_id", schedule, "seats", List.of(TestData.seat("1열", user + 1))))));
        outcome.print("one user locks 20 seats of one schedule at once, one per request");

        assertEquals(8, outcome.count(200));
        assertEquals(12, outcome.count(409));
        assertTrue(outcome.withStatus(409).stream().allMatch(r -> r.body().contains("SEAT_LIMIT_REACHED")),
                "every refusal names the limit");
    }
}
