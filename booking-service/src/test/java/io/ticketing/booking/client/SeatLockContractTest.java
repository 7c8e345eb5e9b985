package io.ticketing.booking.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.ticketing.booking.client.SeatLockDtos.AbortRequest;
import io.ticketing.booking.client.SeatLockDtos.CancelRequest;
import io.ticketing.booking.client.SeatLockDtos.Claim;
import io.ticketing.booking.client.SeatLockDtos.ClaimRequest;
import io.ticketing.booking.client.SeatLockDtos.ConfirmRequest;
import io.ticketing.booking.client.SeatLockDtos.HeldSeats;
import io.ticketing.booking.client.SeatLockDtos.Problem;
import io.ticketing.booking.client.SeatLockDtos.PublishAnswer;
import io.ticketing.booking.client.SeatLockDtos.PublishSeatMap;
import io.ticketing.booking.client.SeatLockDtos.Rebuild;
import io.ticketing.booking.client.SeatLockDtos.ScheduleIds;
import io.ticketing.booking.client.SeatLockDtos.SeatCount;
import io.ticketing.booking.client.SeatLockDtos.SeatMapVersions;
import io.ticketing.booking.client.SeatLockDtos.SeatRow;
import io.ticketing.booking.client.SeatLockDtos.SoldBooking;
import io.ticketing.booking.client.SeatLockDtos.SoldSeatsAnswer;
import io.ticketing.booking.client.SeatLockDtos.SoldSeatsRequest;
import io.ticketing.booking.client.SeatLockDtos.StagedAnswer;
import io.ticketing.booking.client.SeatLockDtos.StagedSeats;
import io.ticketing.booking.error.BookingException;
import io.ticketing.booking.model.SeatConflict;
import io.ticketing.booking.model.SeatRef;
import io.ticketing.booking.support.PostgresTestResource;
import io.ticketing.booking.support.SeatLockServiceResource;

/**
 * The consumer side of contracts/seat-lock-internal-api.json, with the ObjectMapper the REST client
 * uses: booking sends exactly the contract's request fields, reads nothing seat-lock does not answer,
 * and turns every error code the contract lists into an answer for its caller.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(SeatLockServiceResource.class)
class SeatLockContractTest {

    static final Path CONTRACT = Path.of("..", "contracts", "seat-lock-internal-api.json");
    private static final List<SeatRef> SEATS = List.of(new SeatRef("A", 1));

    @Inject
    ObjectMapper json;

    @Test
    void bookingSendsExactlyTheContractsRequestFields() throws Exception {
        JsonNode operations = contract().get("operations");
        Map<String, Object> sent = Map.of(
                "seat_maps_staged", new StagedSeats(1, "staging", List.of(new SeatRow("A", List.of(1, 2)))),
                "seat_maps", new PublishSeatMap(1, 2, Instant.now(), Instant.now(), Instant.now(), "staging", 3,
                        List.of(new SeatRow("A", List.of(3)))),
                "seat_maps_versions", new ScheduleIds(List.of(1L)),
                "seat_maps_complete", Map.of(),
                "claim", new ClaimRequest(1, SEATS, null, "claim", "attempt"),
                "confirm", new ConfirmRequest(1, "claim", 42, SEATS, Instant.now()),
                "abort", new AbortRequest(1, "claim", "attempt"),
                "cancel", new CancelRequest(1, 42, SEATS),
                "sold_seats_incomplete", new ScheduleIds(List.of(1L)),
                "sold_seats", new SoldSeatsRequest(1, Instant.now(), new Rebuild("lease", true, true),
                        List.of(new SoldBooking(42, "user", SEATS))));
        sent.forEach((name, request) -> assertEquals(fields(operations.get(name).get("request")),
                fields(json.valueToTree(request)), name + " request"));
    }

    @Test
    void bookingReadsOnlyWhatSeatLockAnswers() throws Exception {
        JsonNode operations = contract().get("operations");
        Map<String, Class<?>> read = Map.of("seat_maps_staged", StagedAnswer.class, "seat_maps", PublishAnswer.class,
                "seat_maps_versions", SeatMapVersions.class, "claim", Claim.class, "confirm", SeatCount.class, "abort", SeatCount.class,
                "cancel", SeatCount.class, "held", HeldSeats.class, "sold_seats_incomplete", ScheduleIds.class,
                "sold_seats", SoldSeatsAnswer.class);
        read.forEach((name, type) -> {
            JsonNode answered = operations.get(name).get("response");
            Object parsed = parse(answered, type);
            // Every field of booking's copy is one the contract answers, with the value it carried.
            JsonNode reread = json.valueToTree(parsed);
            assertTrue(fields(answered).containsAll(fields(reread)), name + " reads " + fields(reread));
            reread.fieldNames().forEachRemaining(field -> assertEquals(answered.get(field).asText(), reread.get(field).asText(),
                    name + "." + field));
        });
        Problem problem = parse(json.createObjectNode().put("code", "SEAT_ALREADY_LOCKED")
                .set("conflicting_seats", json.createArrayNode().add(contract().get("problem").get("conflicting_seat"))),
                Problem.class);
        assertEquals(List.of(new SeatConflict("A", 1, "LOCKED")), problem.conflictingSeats());
    }

    @Test
    void everyErrorCodeTheContractListsBecomesAnAnswerForTheCaller() throws Exception {
        contract().get("operations").fields().forEachRemaining(operation -> operation.getValue().get("errors").fields()
                .forEachRemaining(error -> assertInstanceOf(BookingException.class,
                        SeatLockApi.refusal(error.getValue().asInt(), new Problem(error.getKey(), List.of(), null, null)),
                        operation.getKey() + " " + error.getKey())));
    }

    @Test
    void anOutcomeANewerSeatLockAddsIsReadAsUnknownAndKeepsItsMeaning() throws Exception {
        // A publication's outcome and a rebuild's refusal are enums here: a value this build does not
        // know must not fail the read (the change would be undone, every sync round would fail).
        PublishAnswer published = json.readValue("{\"schedule_id\":1,\"outcome\":\"SOMETHING_NEW\"}", PublishAnswer.class);
        assertEquals(SeatLockDtos.Publication.UNKNOWN, published.outcome());
        SoldSeatsAnswer refused = json.readValue("{\"schedule_id\":1,\"marked\":0,\"refused\":\"SOMETHING_NEW\"}",
                SoldSeatsAnswer.class);
        assertEquals(SeatLockDtos.RebuildRefusal.UNKNOWN, refused.refused(), "still a refusal");
        assertEquals(null, json.readValue("{\"schedule_id\":1,\"marked\":3,\"refused\":null}", SoldSeatsAnswer.class).refused());
        assertEquals(SeatLockDtos.Publication.SEATS_IN_USE,
                json.readValue("{\"schedule_id\":1,\"outcome\":\"SEATS_IN_USE\"}", PublishAnswer.class).outcome());
    }

    private JsonNode contract() throws Exception {
        return json.readTree(CONTRACT.toFile());
    }

    private <T> T parse(JsonNode node, Class<T> type) {
        try {
            return json.treeToValue(node, type);
        } catch (Exception e) {
            throw new AssertionError(type.getSimpleName() + " cannot read " + node, e);
        }
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
