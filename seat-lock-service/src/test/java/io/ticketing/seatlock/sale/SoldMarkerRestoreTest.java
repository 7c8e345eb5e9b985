package io.ticketing.seatlock.sale;

import static io.restassured.RestAssured.given;
import static io.ticketing.seatlock.support.TestData.seats;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.ticketing.seatlock.hold.BookingClaimTest;
import io.ticketing.seatlock.support.RedisTestResource;
import io.ticketing.seatlock.support.SeatApi;
import io.ticketing.seatlock.support.TestData;

/**
 * Sold markers set again from booking's database (issue 10): after Redis lost them, a sold seat
 * is refused at once again, without waiting for a booking to reach the database; a cancelled booking
 * is not sold again; a whole schedule's rebuild is refused half-way if Redis lost its data meanwhile.
 */
@QuarkusTest
@WithTestResource(RedisTestResource.class)
class SoldMarkerRestoreTest {

    @Inject
    RedisDataSource redis;

    @Test
    void restoredSeatsAreRefusedAsSoldAndARestoreAgainChangesNothing() {
        long schedule = TestData.newScheduleId();
        SeatApi.lock("someone", schedule, seats(1)).statusCode(200);

        restore(schedule, null, booking(501, "buyer", 1, 2)).statusCode(200).body("marked", is(2)).body("refused", nullValue());
        SeatApi.lock("late", schedule, seats(1)).statusCode(409).body("code", is("SEAT_ALREADY_BOOKED"));
        SeatApi.lock("late", schedule, seats(2)).statusCode(409).body("code", is("SEAT_ALREADY_BOOKED"));
        restore(schedule, null, booking(501, "buyer", 1, 2)).statusCode(200).body("marked", is(0));
        // The sold seats count towards their owner's limit, as confirmed ones do.
        SeatApi.held("buyer", schedule).body("seats", empty());
    }

    @Test
    void aBookingCancelledSinceIsNotSoldAgain() {
        long schedule = TestData.newScheduleId();
        BookingClaimTest.internal("buyer", "/internal/v1/seats/bookings/cancel",
                Map.of("schedule_id", schedule, "booking_id", 502, "seats", seats(3))).statusCode(200);

        restore(schedule, null, booking(502, "buyer", 3)).statusCode(200).body("marked", is(0));
        SeatApi.lock("next", schedule, seats(3)).statusCode(200);
    }

    @Test
    void aRebuildMarksTheScheduleCompleteOnlyWhenItsLastPageArrivesUnderItsLease() {
        long schedule = TestData.newScheduleId();
        incomplete(schedule).body("schedule_ids", contains(schedule));

        String lease = UUID.randomUUID().toString();
        restore(schedule, rebuild(lease, true, false), booking(601, "a", 1)).statusCode(200).body("marked", is(1));
        // Another rebuild of the same schedule (another booking replica) waits its turn.
        restore(schedule, rebuild(UUID.randomUUID().toString(), true, false), booking(602, "b", 2))
                .statusCode(200).body("refused", is("LEASE_TAKEN")).body("marked", is(0));
        incomplete(schedule).body("schedule_ids", contains(schedule));

        // Redis loses the schedule's keys mid-way: the next page is refused, the rebuild starts over.
        // (Its sale and seat map, which booking publishes again on its own, are kept here.)
        redis.key().del(redis.key().keys("*{" + schedule + "}*").stream()
                .filter(key -> !key.startsWith("seat_sale:") && !key.startsWith("seat_map:")).toArray(String[]::new));
        restore(schedule, rebuild(lease, false, true), booking(602, "b", 2)).statusCode(200).body("refused", is("LEASE_LOST"));
        incomplete(schedule).body("schedule_ids", contains(schedule));

        String again = UUID.randomUUID().toString();
        restore(schedule, rebuild(again, true, false), booking(601, "a", 1)).statusCode(200).body("marked", is(1));
        restore(schedule, rebuild(again, false, true), booking(602, "b", 2)).statusCode(200).body("marked", is(1));
        incomplete(schedule).body("schedule_ids", empty());
        SeatApi.lock("late", schedule, seats(1, 2)).statusCode(409).body("code", is("SEAT_ALREADY_BOOKED"));
    }

    @Test
    void aScheduleWithNoBookingsIsCompleteAfterOneEmptyPage() {
        long schedule = TestData.newScheduleId();
        restore(schedule, rebuild(UUID.randomUUID().toString(), true, true)).statusCode(200).body("marked", is(0));
        incomplete(schedule).body("schedule_ids", empty());
    }

    @Test
    void onlyTheServiceKeyOpensItAndBadInputIsRefused() {
        long schedule = TestData.newScheduleId();
        given().contentType("application/json").body(Map.of("schedule_ids", List.of(schedule)))
                .when().post("/internal/v1/sold-seats/incomplete").then().statusCode(403).body("code", is("SERVICE_KEY_INVALID"));
        post("/internal/v1/sold-seats", Map.of("schedule_id", schedule, "bookings",
                List.of(Map.of("booking_id", 1, "user_id", "", "seats", seats(1))))).statusCode(400).body("code", is("INVALID_FIELD"));
        post("/internal/v1/sold-seats", Map.of("schedule_id", schedule, "bookings",
                List.of(Map.of("booking_id", 1, "user_id", "u", "seats", seats(1))), "rebuild",
                Map.of("lease", "not-a-uuid", "first", true, "last", true))).statusCode(400).body("code", is("INVALID_FIELD"));
        post("/internal/v1/sold-seats/incomplete", Map.of("schedule_ids", List.of(0))).statusCode(400);
        SeatApi.lock("anyone", schedule, seats(1)).statusCode(200);
    }

    private static Map<String, Object> booking(long id, String user, int... numbers) {
        return Map.of("booking_id", id, "user_id", user, "seats", seats(numbers));
    }

    private static Map<String, Object> rebuild(String lease, boolean first, boolean last) {
        return Map.of("lease", lease, "first", first, "last", last);
    }

    @SafeVarargs
    private static ValidatableResponse restore(long schedule, Map<String, Object> rebuild, Map<String, Object>... bookings) {
        Map<String, Object> body = new HashMap<>(Map.of("schedule_id", schedule, "bookings", List.of(bookings),
                "sold_until", Instant.now().plus(30, ChronoUnit.DAYS).toString()));
        if (rebuild != null) {
            body.put("rebuild", rebuild);
        }
        return post("/internal/v1/sold-seats", body);
    }

    private static ValidatableResponse incomplete(long schedule) {
        return post("/internal/v1/sold-seats/incomplete", Map.of("schedule_ids", List.of(schedule)));
    }

    private static ValidatableResponse post(String path, Map<String, Object> body) {
        return given().header("X-Service-Key", BookingClaimTest.SERVICE_KEY).contentType("application/json").body(body)
                .when().post(path).then();
    }
}
