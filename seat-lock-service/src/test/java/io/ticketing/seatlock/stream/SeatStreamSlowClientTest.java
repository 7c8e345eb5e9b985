package io.ticketing.seatlock.stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.ticketing.seatlock.support.RedisTestResource;
import io.ticketing.seatlock.support.TestData;
import io.ticketing.testsupport.SeatStreamClient;

/**
 * A client that stops reading must not hold the service's memory or its count of open streams: once
 * more than seat-lock.streams.max-behind-bytes wait for it (beyond its snapshot), its stream is cut
 * off and forgotten (a browser would reconnect and resume). Here the limit is one byte and a client
 * that never reads meets new seat maps of 20,000 seats (a snapshot each) until it is cut off. Before
 * the fix, a stream the service ended itself was never counted as closed (Vert.x runs no close
 * handler for it): this test failed with "open streams: 2.0, expected 1".
 */
@QuarkusTest
@TestProfile(SeatStreamSlowClientTest.OneByteBehind.class)
@WithTestResource(RedisTestResource.class)
class SeatStreamSlowClientTest {

    public static class OneByteBehind implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("seat-lock.streams.max-behind-bytes", "1");
        }
    }

    private static final Pattern OPEN = Pattern.compile("(?m)^seat_lock_streams_open(?:\\{[^}]*\\})? ([0-9.]+)$");

    @TestHTTPResource("/")
    URI base;

    @Test
    void aClientThatStopsReadingIsCutOffAndForgotten() throws Exception {
        long schedule = TestData.newScheduleId();
        try (SeatStreamClient reader = SeatStreamClient.open(base, schedule); Socket stalled = new Socket()) {
            stalled.setReceiveBufferSize(1024);
            stalled.connect(new InetSocketAddress(base.getHost(), base.getPort()));
            OutputStream out = stalled.getOutputStream();
            out.write(("GET /api/v1/tickets/schedules/" + schedule + "/seats/stream HTTP/1.1\r\nHost: localhost\r\n"
                    + "Accept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            awaitOpen(2);
            // New seat maps of 20,000 seats (a snapshot of about 0.9 MB each to every stream) until the
            // kernel's buffers are full too and bytes wait in the service for the client that does not read.
            Instant now = Instant.now();
            List<Map<String, Object>> hall = List.of(Map.of("row", "1열", "numbers", IntStream.rangeClosed(1, 20_000).boxed().toList()));
            for (int version = 2; version <= 20 && open() == 2; version++) {
                TestData.publish(schedule, version, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)), hall, List.of());
                Thread.sleep(200);
            }
            awaitOpen(1);
            // The client that reads goes on: it got the five new maps.
            assertTrue(reader.events().stream().filter(event -> event.name().equals("snapshot")).count() >= 2,
                    "the reading client got the new maps");
        }
        awaitOpen(0);
    }

    private static void awaitOpen(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        double open = -1;
        while (System.nanoTime() < deadline) {
            open = open();
            if (open == expected) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("open streams: " + open + ", expected " + expected);
    }

    private static double open() {
        Matcher m = OPEN.matcher(given().when().get("/q/metrics").then().statusCode(200).extract().asString());
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }
}
