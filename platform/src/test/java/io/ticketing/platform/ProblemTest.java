package io.ticketing.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The problem document both services answer with: its members, its wording, and when to retry. */
class ProblemTest {

    /** As both services configure Jackson (snake_case, ISO instants). */
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void aProblemHasTheRfc9457MembersAndAStableCode() throws Exception {
        Map<?, ?> body = JSON.readValue(JSON.writeValueAsString(
                Problem.of(CommonError.MISSING_FIELD, "seats", false, "/api/v1/tickets/seats/lock")), Map.class);
        assertEquals(Map.of("type", "urn:ticketing:problem:missing-field", "title", "A required field is missing",
                "status", 400, "detail", "필수 항목이 없습니다: seats", "code", "MISSING_FIELD",
                "instance", "/api/v1/tickets/seats/lock"), body);
    }

    @Test
    void extensionMembersStandBesideTheOthersAndEmptyOnesAreLeftOut() throws Exception {
        Instant opens = Instant.parse("2027-03-01T10:00:00Z");
        String body = JSON.writeValueAsString(Problem.of(CommonError.INVALID_FIELD, null, true, "/x")
                .with("conflicting_seats", List.of(Map.of("row", "1열", "number", 3)))
                .with("sales_open_at", opens).with("sales_close_at", null).with("nothing", List.of()));
        Map<?, ?> read = JSON.readValue(body, Map.class);
        assertEquals(List.of(Map.of("row", "1열", "number", 3)), read.get("conflicting_seats"));
        assertEquals("2027-03-01T10:00:00Z", read.get("sales_open_at"));
        assertFalse(read.containsKey("sales_close_at"), body);
        assertFalse(read.containsKey("nothing"), body);
        assertFalse(body.contains("io.ticketing") || body.contains("Exception"), "no class names: " + body);
    }

    @Test
    void theTitleIsTheEnglishMessageWithoutItsDetail() {
        assertEquals("A required field is missing", CommonError.MISSING_FIELD.title());
        assertEquals("The request body is not valid JSON.", CommonError.MALFORMED_JSON.title());
        assertEquals("A field has an invalid value: seats[0].row", CommonError.INVALID_FIELD.message(true, "seats[0].row"));
        assertEquals("항목의 값이 올바르지 않습니다: ", CommonError.INVALID_FIELD.message(false, null));
    }

    @Test
    void koreanUnlessTheClientRanksEnglishFirst() {
        assertFalse(Problem.prefersEnglish(null));
        assertFalse(Problem.prefersEnglish(""));
        assertFalse(Problem.prefersEnglish("ko-KR,ko;q=0.9,en;q=0.8"));
        assertFalse(Problem.prefersEnglish("not a language range;;"));
        assertTrue(Problem.prefersEnglish("en"));
        assertTrue(Problem.prefersEnglish("en-US,en;q=0.9,ko;q=0.5"));
        assertTrue(Problem.prefersEnglish("fr, en;q=0.8"));
        assertFalse(Problem.prefersEnglish("fr"));
    }

    @Test
    void everyUnavailableAnswerSaysWhenToTryAgain() {
        assertEquals("1", Problems.retryAfterSeconds(unavailable(null), null), "a 503 without a wait of its own: a second");
        assertEquals("2", Problems.retryAfterSeconds(unavailable(Duration.ofSeconds(2)), null), "the code's own wait");
        assertEquals("3", Problems.retryAfterSeconds(CommonError.INVALID_FIELD, Duration.ofMillis(2_001)), "rounded up");
        assertNull(Problems.retryAfterSeconds(CommonError.INVALID_FIELD, null), "nothing to wait for on a 400");
    }

    /** A 503 code, with the wait its service gives (null: the default). */
    private static ProblemCode unavailable(Duration wait) {
        return new ProblemCode() {
            @Override
            public String name() {
                return "SOMETHING_UNAVAILABLE";
            }

            @Override
            public int status() {
                return 503;
            }

            @Override
            public String korean() {
                return "잠시 후 다시 시도해 주세요.";
            }

            @Override
            public String english() {
                return "Please try again shortly.";
            }

            @Override
            public Duration retryAfter() {
                return wait == null ? ProblemCode.super.retryAfter() : wait;
            }
        };
    }
}
