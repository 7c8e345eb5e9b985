package io.ticketing.seatlock.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.ticketing.platform.CommonError;
import io.ticketing.seatlock.error.ErrorCode;
import io.ticketing.seatlock.hold.BookingClaimTest;
import io.ticketing.seatlock.support.RedisTestResource;
import io.ticketing.seatlock.support.SeatApi;
import io.ticketing.seatlock.support.TestData;
import io.ticketing.testsupport.DevTokens;

/**
 * The provider side of contracts/seat-lock-internal-api.json: every example request of booking's,
 * sent to the real service, is answered with the status and exactly the fields the contract says;
 * every error code the contract lets booking expect exists here with its status.
 */
@QuarkusTest
@WithTestResource(RedisTestResource.class)
class InternalApiContractTest {

    static final Path CONTRACT = Path.of("..", "contracts", "seat-lock-internal-api.json");
    private static final String USER = "contract-buyer";

    @Test
    void everyExampleRequestIsAnsweredWithTheContractsStatusAndFields() throws Exception {
        JsonNode operations = new ObjectMapper().readTree(CONTRACT.toFile()).get("operations");
        long schedule = TestData.newScheduleId();
        // The contract's story, in order: the schedule's seat map staged and published with its
        // sales window, its version asked for, and booking's round said complete; a claim, its confirm, the booking's cancel, an
        // abort of another claim; the reconciliation asking which schedules lost their sold markers
        // and rebuilding one; and the seats held now, one of them by someone else.
        for (String name : new String[] { "seat_maps_staged", "seat_maps", "seat_maps_versions", "seat_maps_complete", "claim",
                "confirm", "cancel",
                "abort", "sold_seats_incomplete", "sold_seats" }) {
            JsonNode operation = operations.get(name);
            ObjectNode request = (ObjectNode) operation.get("request").deepCopy();
            if (request.isEmpty()) {
                // No body of its own: nothing to fill in.
            } else if (request.has("schedule_ids")) {
                request.putArray("schedule_ids").add(schedule);
            } else {
                request.put("schedule_id", schedule);
            }
            Response answer = given().header("Authorization", DevTokens.bearer(USER))
                    .header("X-Service-Key", BookingClaimTest.SERVICE_KEY).contentType("application/json")
                    .body(request.toString()).when().post(operation.get("path").asText());
            assertAnswer(name, operation, answer);
        }
        SeatApi.lock("someone-else", schedule, List.of(TestData.seat("B", 2))).statusCode(200);
        JsonNode held = operations.get("held");
        Response answer = given().header("Authorization", DevTokens.bearer(USER))
                .when().get(held.get("path").asText().replace("{schedule_id}", Long.toString(schedule)));
        assertAnswer("held", held, answer);
        assertEquals("HELD", answer.jsonPath().getString("seats[0].status"));
    }

    /** A code of this service's own rules, or of the plumbing both services share. */
    private static int statusOf(String code) {
        return Arrays.stream(CommonError.values()).filter(common -> common.name().equals(code)).findFirst()
                .map(CommonError::status).orElseGet(() -> ErrorCode.valueOf(code).status());
    }

    @Test
    void everyErrorCodeBookingExpectsExistsWithItsStatus() throws Exception {
        JsonNode operations = new ObjectMapper().readTree(CONTRACT.toFile()).get("operations");
        for (Iterator<Map.Entry<String, JsonNode>> it = operations.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> operation = it.next();
            operation.getValue().get("errors").fields().forEachRemaining(error -> assertEquals(error.getValue().asInt(),
                    statusOf(error.getKey()), operation.getKey() + " " + error.getKey()));
        }
    }

    private static void assertAnswer(String name, JsonNode operation, Response answer) throws Exception {
        assertEquals(operation.get("status").asInt(), answer.statusCode(), name + ": " + answer.asString());
        JsonNode body = new ObjectMapper().readTree(answer.asString());
        assertEquals(fields(operation.get("response")), fields(body), name + " answers exactly the contract's fields");
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
