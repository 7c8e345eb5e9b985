package io.ticketing.booking;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import redis.embedded.RedisServer;

/**
 * The real seat-lock-service beside booking: its packaged jar (built earlier in the same Maven
 * reactor) runs as a child process against a real Redis, the one in {@code TICKETING_TEST_REDIS_HOSTS}
 * or an embedded redis-server. Tests can stop and start it, and flush its Redis.
 */
public class SeatLockServiceResource implements QuarkusTestResourceLifecycleManager {

    static final String SERVICE_KEY = "local-only-service-key";
    /** Holds last this long in the seat-lock under test, so that expiry can be watched. */
    static final Duration HOLD_TTL = Duration.ofSeconds(4);
    private static final Path JAR = Path.of("..", "seat-lock-service", "target", "quarkus-app", "quarkus-run.jar")
            .toAbsolutePath().normalize();

    private static volatile SeatLockServiceResource current;

    private RedisServer embeddedRedis;
    private String redisHost;
    private int redisPort;
    private int httpPort;
    private Process process;

    @Override
    public Map<String, String> start() {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: build seat-lock-service first "
                    + "(./mvnw verify from the root, or ./mvnw -pl booking-service -am verify)");
        }
        try {
            startRedis();
            httpPort = freePort();
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
        if (embeddedRedis != null) {
            try {
                embeddedRedis.stop();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        current = null;
    }

    static SeatLockServiceResource current() {
        return current;
    }

    String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** Stops seat-lock-service, as a crash or a deploy would. */
    void stopProcess() {
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
    void startProcess() throws IOException {
        Path log = Path.of("target", "seat-lock-service-under-test.log");
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-jar",
                JAR.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(Map.of(
                "QUARKUS_HTTP_PORT", Integer.toString(httpPort),
                "QUARKUS_REDIS_HOSTS", "redis://" + redisHost + ":" + redisPort,
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", Tokens.DEV_KEYS.resolve("jwt-public.pem").toString(),
                "SEAT_LOCK_INTERNAL_API_KEY", SERVICE_KEY,
                "SEAT_LOCK_HOLD_TTL", HOLD_TTL.toString()));
        process = builder.start();
        awaitReady();
        warmUp();
    }

    /**
     * A freshly started JVM answers its first requests slowly (class loading, JIT), and booking gives
     * seat-lock under a second: send a few holds first, as a rollout's warm-up would.
     */
    private void warmUp() {
        HttpClient client = HttpClient.newHttpClient();
        String bearer = Tokens.bearer("warm-up");
        for (int i = 1; i <= 30; i++) {
            String body = "{\"schedule_id\":1,\"seats\":[{\"row\":\"warm\",\"number\":" + i + "}]}";
            HttpRequest lock = HttpRequest.newBuilder(URI.create(url() + "/api/v1/tickets/seats/lock"))
                    .header("Authorization", bearer).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            try {
                client.send(lock, HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Empties Redis, as an operator's FLUSHALL or a Redis restart without persistence would. */
    void flushRedis() throws IOException {
        try (Socket socket = new Socket(redisHost, redisPort)) {
            OutputStream out = socket.getOutputStream();
            out.write("*1\r\n$8\r\nFLUSHALL\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] reply = new byte[5];
            int read = socket.getInputStream().read(reply);
            if (read < 3 || !new String(reply, 0, read, StandardCharsets.US_ASCII).startsWith("+OK")) {
                throw new IOException("FLUSHALL failed");
            }
        }
    }

    private void startRedis() throws IOException {
        String external = System.getenv("TICKETING_TEST_REDIS_HOSTS");
        if (external != null && !external.isBlank()) {
            URI uri = URI.create(external);
            redisHost = uri.getHost();
            redisPort = uri.getPort() > 0 ? uri.getPort() : 6379;
            return;
        }
        redisHost = "127.0.0.1";
        redisPort = freePort();
        embeddedRedis = RedisServer.newRedisServer().port(redisPort).bind(redisHost)
                .setting("save \"\"").setting("appendonly no").build();
        embeddedRedis.start();
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
