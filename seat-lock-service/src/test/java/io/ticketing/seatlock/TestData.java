package io.ticketing.seatlock;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/** Fresh ids and JSON bodies, so each test owns its Redis keys and order never matters. */
public final class TestData {

    private TestData() {
    }

    public static long newScheduleId() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000_000L);
    }

    public static Map<String, Object> seat(String row, int number) {
        return Map.of("row", row, "number", number);
    }

    public static List<Map<String, Object>> seats(int... numbers) {
        return java.util.Arrays.stream(numbers).mapToObj(n -> seat("1열", n)).toList();
    }

    /** {"row":"1열","number":1},... as JSON text, for hand-built bodies. */
    public static String seatsJson(List<Map<String, Object>> seats) {
        return seats.stream().map(s -> "{\"row\":\"" + s.get("row") + "\",\"number\":" + s.get("number") + "}")
                .collect(Collectors.joining(",", "[", "]"));
    }
}
