package io.ticketing.booking.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.ticketing.testsupport.DevTokens;
import io.ticketing.testsupport.TestRedis;

/**
 * The real seat-lock-service beside booking: its packaged jar (built earlier in the same Maven
 * reactor) runs as a child process against a real Redis, the one in {@code TICKETING_TEST_REDIS_HOSTS}
 * or an embedded redis-server. Tests can stop and start it, and flush its Redis.
 */
public class SeatLockServiceResource implements QuarkusTestResourceLifecycleManager {

    static final String SERVICE_KEY = "local-only-service-key";
    /** Holds last this long in the seat-lock under test, so that expiry can be watched. */
    public static final Duration HOLD_TTL = Duration.ofSeconds(4);
    private static final Path JAR = Path.of("..", "seat-lock-service", "target", "quarkus-app", "quarkus-run.jar")
            .toAbsolutePath().normalize();

    private static volatile SeatLockServiceResource current;

    private TestRedis redis;
    private int httpPort;
    private Process process;

    @Override
    public Map<String, String> start() {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: build seat-lock-service first "
                    + "(./mvnw verify from the root, or ./mvnw -pl booking-service -am verify)");
        }
        try {
            redis = TestRedis.start();
            httpPort = TestRedis.freePort();
            startProcess();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        current = this;
        return Map.of("quarkus.rest-client.seat-lock.url", url());
    }

    @Override
    public void stop() {
        stopProcess();
        redis.close();
        current = null;
    }

    public static SeatLockServiceResource current() {
        return current;
    }

    String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** Stops seat-lock-service, as a crash or a deploy would. */
    public void stopProcess() {
        if (process != null) {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /** Starts seat-lock-service on the same port and waits until it is ready. */
    public void startProcess() throws IOException {
        Path log = Path.of("target", "seat-lock-service-under-test.log");
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-jar",
                JAR.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(Map.of(
                "QUARKUS_HTTP_PORT", Integer.toString(httpPort),
                "QUARKUS_HTTP_ACCESS_LOG_ENABLED", "true",
                "QUARKUS_REDIS_HOSTS", redis.url(),
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", DevTokens.DEV_KEYS.resolve("jwt-public.pem").toString(),
                "SEAT_LOCK_INTERNAL_API_KEY", SERVICE_KEY,
                "SEAT_LOCK_HOLD_TTL", HOLD_TTL.toString(),
                // Tests read the seat map right after changing a hold: no shared reads here.
                "SEAT_LOCK_SEAT_MAP_MAX_AGE", "PT0S"));
        process = builder.start();
        // Ready means warmed up: seat-lock runs its own hot paths before it says so.
        awaitReady();
    }

    /** Empties Redis, as an operator's FLUSHALL or a Redis restart without persistence would. */
    public void flushRedis() throws IOException {
        redis.flushAll();
    }

    private void awaitReady() {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("seat-lock-service exited; see target/seat-lock-service-under-test.log");
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("seat-lock-service not ready within 60 s");
    }
}
