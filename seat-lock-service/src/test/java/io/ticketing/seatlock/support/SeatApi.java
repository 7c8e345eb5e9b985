package io.ticketing.seatlock.support;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.response.ValidatableResponse;
import io.ticketing.testsupport.DevTokens;

/** The public API as the tests call it, one user at a time. */
public final class SeatApi {

    private SeatApi() {
    }

    public static ValidatableResponse lock(String user, long schedule, List<Map<String, Object>> seats) {
        return post(user, "/api/v1/tickets/seats/lock", Map.of("event_id", 1, "schedule_id", schedule, "seats", seats));
    }

    public static String lockToken(String user, long schedule, List<Map<String, Object>> seats) {
        return lock(user, schedule, seats).statusCode(200).extract().path("lock_token");
    }

    public static ValidatableResponse verify(String user, long schedule, String token, List<Map<String, Object>> seats) {
        return post(user, "/api/v1/tickets/seats/verify", Map.of("schedule_id", schedule, "lock_token", token, "seats", seats));
    }

    public static ValidatableResponse extend(String user, long schedule, String token) {
        return post(user, "/api/v1/tickets/seats/extend", Map.of("schedule_id", schedule, "lock_token", token));
    }

    public static ValidatableResponse release(String user, long schedule, String token) {
        return post(user, "/api/v1/tickets/seats/release", Map.of("schedule_id", schedule, "lock_token", token));
    }

    public static ValidatableResponse release(String user, long schedule, String token, List<Map<String, Object>> seats) {
        return post(user, "/api/v1/tickets/seats/release", Map.of("schedule_id", schedule, "lock_token", token, "seats", seats));
    }

    public static ValidatableResponse held(String user, long schedule) {
        return given().header("Authorization", DevTokens.bearer(user)).queryParam("schedule_id", schedule)
                .when().get("/api/v1/tickets/seats").then();
    }

    public static ValidatableResponse post(String user, String path, Object body) {
        return given().header("Authorization", DevTokens.bearer(user)).contentType("application/json").body(body)
                .when().post(path).then();
    }

    public static String json(Map<String, Object> body) {
        try {
            return new ObjectMapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
