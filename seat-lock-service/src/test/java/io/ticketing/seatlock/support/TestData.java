package io.ticketing.seatlock.support;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.quarkus.redis.datasource.RedisDataSource;
import io.restassured.response.ValidatableResponse;

/** Fresh ids and JSON bodies, so each test owns its Redis keys and order never matters. */
public final class TestData {

    private TestData() {
    }

    /** The key booking-service shows seat-lock's internal API in the test profile. */
    public static final String SERVICE_KEY = "local-only-service-key";
    /** Seats 1..1000 of row "1열", 1..100 of rows "A" and "B": the seat map of every test schedule. */
    public static final int SEATS_IN_ROW_1 = 1_000;

    /**
     * A schedule of its own for a test, on sale now (from an hour ago, for a day) with a seat map of
     * rows "1열", "A" and "B", published as booking-service publishes it: seat-lock holds seats of
     * published schedules only.
     */
    public static long newScheduleId() {
        long scheduleId = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000_000L);
        Instant now = Instant.now();
        publish(scheduleId, 1, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)),
                List.of(Map.of("row", "1열", "numbers", IntStream.rangeClosed(1, SEATS_IN_ROW_1).boxed().toList()),
                        Map.of("row", "A", "numbers", IntStream.rangeClosed(1, 100).boxed().toList()),
                        Map.of("row", "B", "numbers", IntStream.rangeClosed(1, 100).boxed().toList())), List.of());
        return scheduleId;
    }

    /** A fresh schedule id seat-lock was never told about (for tests where its Redis is down). */
    public static long unpublishedScheduleId() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000_000L);
    }

    /**
     * A schedule on sale with the same seat map as {@link #newScheduleId}, written straight into
     * Redis as publish_map.lua writes it: for tests whose internal API is closed.
     */
    public static long newScheduleIdWrittenDirectly(RedisDataSource redis) {
        long scheduleId = unpublishedScheduleId();
        Instant now = Instant.now();
        redis.execute("HSET", "seat_sale:{" + scheduleId + "}", "version", "1", "open",
                Long.toString(now.minus(Duration.ofHours(1)).toEpochMilli()), "close", Long.toString(now.plus(Duration.ofDays(1)).toEpochMilli()));
        List<String> add = new ArrayList<>(List.of("seat_map:{" + scheduleId + "}"));
        IntStream.rangeClosed(1, 100).forEach(n -> add.add("1열:" + n));
        redis.execute("SADD", add.toArray(String[]::new));
        return scheduleId;
    }

    /** Publishes a schedule's sale through the internal API: stages its seat map, then publishes the window with it. */
    public static ValidatableResponse publish(long scheduleId, long version, Instant opensAt, Instant closesAt,
            List<Map<String, Object>> seatRows, List<Map<String, Object>> offSale) {
        String staging = UUID.randomUUID().toString();
        internal("/internal/v1/seat-maps/staged", Map.of("schedule_id", scheduleId, "staging", staging, "seats", seatRows))
                .statusCode(200);
        return internal("/internal/v1/seat-maps", Map.of("schedule_id", scheduleId, "version", version, "sales_open_at",
                opensAt.toString(), "sales_close_at", closesAt.toString(), "keep_until", closesAt.plus(Duration.ofDays(1)).toString(),
                "staging", staging, "seats", seatRows.stream().mapToInt(row -> ((List<?>) row.get("numbers")).size()).sum(),
                "off_sale", offSale)).statusCode(200);
    }

    public static ValidatableResponse internal(String path, Object body) {
        return given().header("X-Service-Key", SERVICE_KEY).contentType("application/json").body(body).when().post(path).then();
    }

    public static Map<String, Object> seat(String row, int number) {
        return Map.of("row", row, "number", number);
    }

    public static List<Map<String, Object>> seats(int... numbers) {
        return Arrays.stream(numbers).mapToObj(n -> seat("1열", n)).toList();
    }

    /** {"row":"1열","number":1},... as JSON text, for hand-built bodies. */
    public static String seatsJson(List<Map<String, Object>> seats) {
        return seats.stream().map(s -> "{\"row\":\"" + s.get("row") + "\",\"number\":" + s.get("number") + "}")
                .collect(Collectors.joining(",", "[", "]"));
    }
}
