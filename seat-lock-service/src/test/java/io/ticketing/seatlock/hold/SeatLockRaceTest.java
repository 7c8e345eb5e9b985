package io.ticketing.seatlock.hold;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.ticketing.seatlock.support.RedisTestResource;
import io.ticketing.seatlock.support.SeatApi;
import io.ticketing.seatlock.support.TestData;
import io.ticketing.testsupport.DevTokens;
import io.ticketing.testsupport.Race;

/** Many real clients race for the same seats over real HTTP against a real Redis. */
@QuarkusTest
@WithTestResource(RedisTestResource.class)
class SeatLockRaceTest {

    /**
     * A user told 503 (a burst can meet the Redis deadline on a busy machine) presses again after
     * Retry-After, up to this many presses in all; the guarantees are on the answers users finally get.
     */
    static final int TRIES = 4;

    @TestHTTPResource("/")
    URI base;

    @Test
    void twoHundredUsersOnOneSeatGetExactlyOneWinner() throws Exception {
        long schedule = TestData.newScheduleId();
        String body = SeatApi.json(Map.of("event_id", 1, "schedule_id", schedule, "seats", TestData.seats(1)));

        Race.Outcome outcome = Race.run(200, TRIES,
                user -> Race.post(base, "/api/v1/tickets/seats/lock", DevTokens.bearer("racer-" + user), body));
        outcome.print("200 users lock seat 1열-1번 of schedule " + schedule);

        assertEquals(1, outcome.count(200), "exactly one winner");
        assertEquals(199, outcome.count(409), "everybody else is told at once");
        for (Race.Result loser : outcome.withStatus(409)) {
            JsonPath problem = JsonPath.from(loser.body());
            assertEquals("SEAT_ALREADY_LOCKED", problem.getString("code"));
            assertEquals("이미 다른 사람이 선택 중입니다.", problem.getString("detail"));
            assertEquals("1열", problem.getString("conflicting_seats[0].row"));
        }
        int winner = outcome.withStatus(200).get(0).user();
        given().header("Authorization", DevTokens.bearer("racer-" + winner)).queryParam("schedule_id", schedule)
                .when().get("/api/v1/tickets/seats")
                .then().statusCode(200)
                .body("seats.size()", Matchers.is(1))
                .body("seats[0].status", Matchers.is("HELD_BY_YOU"));
    }

    @Test
    void overlappingMultiSeatRequestsAreAllOrNothing() throws Exception {
        long schedule = TestData.newScheduleId();
        int users = 150;
        int seatsInPlay = 12;
        Random random = new Random(42);
        List<List<Integer>> wanted = new ArrayList<>();
        for (int user = 0; user < users; user++) {
            Set<Integer> pick = new HashSet<>();
            int size = 1 + random.nextInt(4);
            while (pick.size() < size) {
                pick.add(1 + random.nextInt(seatsInPlay));
            }
            wanted.add(new ArrayList<>(pick));
        }

        Race.Outcome outcome = Race.run(users, TRIES, user -> Race.post(base, "/api/v1/tickets/seats/lock",
                DevTokens.bearer("multi-" + user), SeatApi.json(Map.of("schedule_id", schedule, "seats", seatsOf(wanted.get(user))))));
        outcome.print(users + " users lock overlapping sets of " + seatsInPlay + " seats");

        assertEquals(users, outcome.count(200) + outcome.count(409), "every answer is a hold or a conflict");
        assertTrue(outcome.count(200) >= 1, "someone wins");
        Map<Integer, Integer> holderOfSeat = new HashMap<>();
        for (Race.Result winner : outcome.withStatus(200)) {
            for (int seat : wanted.get(winner.user())) {
                Integer previous = holderOfSeat.put(seat, winner.user());
                assertEquals(null, previous, "seat " + seat + " granted to two winners");
            }
            String token = JsonPath.from(winner.body()).getString("lock_token");
            verifyHoldsAll(schedule, "multi-" + winner.user(), token, wanted.get(winner.user()));
        }
        // What Redis holds is exactly the union of what the winners asked for: losers hold nothing.
        JsonPath held = given().header("Authorization", DevTokens.bearer("observer")).queryParam("schedule_id", schedule)
                .when().get("/api/v1/tickets/seats").then().statusCode(200).extract().jsonPath();
        Set<Integer> heldSeats = new HashSet<>(held.getList("seats.number", Integer.class));
        assertEquals(holderOfSeat.keySet(), heldSeats);
    }

    private static void verifyHoldsAll(long schedule, String user, String token, List<Integer> seats) {
        SeatApi.verify(user, schedule, token, seatsOf(seats)).statusCode(200).body("valid", Matchers.is(true));
    }

    private static List<Map<String, Object>> seatsOf(List<Integer> numbers) {
        return TestData.seats(numbers.stream().mapToInt(i -> i).toArray());
    }
}
