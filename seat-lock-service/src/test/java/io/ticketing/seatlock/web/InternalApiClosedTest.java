package io.ticketing.seatlock.web;

import static io.restassured.RestAssured.given;
import static io.ticketing.seatlock.support.TestData.seats;
import static org.hamcrest.Matchers.is;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.ticketing.seatlock.hold.BookingClaimTest;
import io.ticketing.seatlock.support.RedisTestResource;
import io.ticketing.seatlock.support.SeatApi;
import io.ticketing.seatlock.support.TestData;
import io.ticketing.testsupport.DevTokens;

/** With no SEAT_LOCK_INTERNAL_API_KEY configured, the internal API refuses everyone, whatever key is sent. */
@QuarkusTest
@TestProfile(InternalApiClosedTest.NoServiceKey.class)
@WithTestResource(RedisTestResource.class)
class InternalApiClosedTest {

    /** An empty value is an unset one: the operator configured no key. */
    public static class NoServiceKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("seat-lock.internal-api-key", "");
        }
    }

    @Inject
    RedisDataSource redis;

    @Test
    void everyInternalOperationIsRefusedAndNothingChanges() {
        long schedule = TestData.newScheduleIdWrittenDirectly(redis);
        String token = SeatApi.lockToken("holder", schedule, seats(1));
        Map<String, Object> onTheHold = Map.of("schedule_id", schedule, "seats", seats(1), "lock_token", token);

        // The key that the test profile of a normal build would accept, and an empty one.
        BookingClaimTest.internal("holder", "/internal/v1/seats/claims", onTheHold).statusCode(403)
                .contentType("application/problem+json").body("code", is("SERVICE_KEY_INVALID"));
        given().header("Authorization", DevTokens.bearer("holder"))
                .header("X-Service-Key", "").contentType("application/json").body(onTheHold)
                .when().post("/internal/v1/seats/claims").then().statusCode(403).body("code", is("SERVICE_KEY_INVALID"));
        BookingClaimTest.internal("holder", "/internal/v1/seats/bookings/cancel",
                Map.of("schedule_id", schedule, "booking_id", 1, "seats", seats(2))).statusCode(403);
        // Nor can anyone publish a sale: the seat map and window stay as they are.
        TestData.internal("/internal/v1/seat-maps/staged", Map.of("schedule_id", schedule,
                "staging", UUID.randomUUID().toString(), "seats", List.of())).statusCode(403)
                .body("code", is("SERVICE_KEY_INVALID"));
        TestData.internal("/internal/v1/seat-maps", Map.of("schedule_id", schedule, "version", 9)).statusCode(403);
        TestData.internal("/internal/v1/seat-maps/versions", Map.of("schedule_ids", List.of(schedule))).statusCode(403);

        // The hold is untouched: still the holder's, still lockable by nobody else, no claim was made.
        SeatApi.verify("holder", schedule, token, seats(1)).statusCode(200).body("valid", is(true));
        SeatApi.lock("other", schedule, seats(1)).statusCode(409).body("code", is("SEAT_ALREADY_LOCKED"));
        SeatApi.held("other", schedule).body("seats.size()", is(1));
    }
}
