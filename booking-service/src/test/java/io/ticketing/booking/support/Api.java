package io.ticketing.booking.support;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.response.ValidatableResponse;
import io.ticketing.testsupport.DevTokens;

/** Booking's API, and seat-lock's public API where a test needs a hold first; one user at a time. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Api() {
    }

    /** Holds seats at the real seat-lock-service and returns the lock token. */
    public static String hold(String user, long scheduleId, List<Map<String, Object>> seats) {
        return lock(user, scheduleId, seats).statusCode(200).extract().path("lock_token");
    }

    /** Asks the real seat-lock-service for a hold, whatever it answers. */
    public static ValidatableResponse lock(String user, long scheduleId, List<Map<String, Object>> seats) {
        return given().baseUri(SeatLockServiceResource.current().url())
                .header("Authorization", DevTokens.bearer(user)).contentType("application/json")
                .body(Map.of("schedule_id", scheduleId, "seats", seats))
                .when().post("/api/v1/tickets/seats/lock").then();
    }

    public static Map<String, Object> bookingBody(Fixtures.Stage stage, List<Map<String, Object>> seats, String lockToken) {
        Map<String, Object> body = new HashMap<>(Map.of("event_id", stage.eventId(), "schedule_id", stage.scheduleId(),
                "seats", seats));
        if (lockToken != null) {
            body.put("lock_token", lockToken);
        }
        return body;
    }

    public static ValidatableResponse book(String user, Fixtures.Stage stage, List<Map<String, Object>> seats, String lockToken) {
        return given().header("Authorization", DevTokens.bearer(user)).contentType("application/json")
                .body(bookingBody(stage, seats, lockToken)).when().post("/api/v1/tickets/bookings").then();
    }

    public static ValidatableResponse get(String user, String path) {
        return given().header("Authorization", DevTokens.bearer(user)).when().get(path).then();
    }

    public static ValidatableResponse cancel(String user, long bookingId) {
        return given().header("Authorization", DevTokens.bearer(user))
                .when().post("/api/v1/tickets/bookings/" + bookingId + "/cancel").then();
    }

    public static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
