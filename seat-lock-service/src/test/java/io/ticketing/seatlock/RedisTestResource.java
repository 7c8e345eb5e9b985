package io.ticketing.seatlock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import redis.embedded.RedisServer;

/**
 * A real Redis for the tests: the one named by {@code TICKETING_TEST_REDIS_HOSTS}
 * (e.g. {@code redis://127.0.0.1:6379}) when set, otherwise an embedded redis-server started from
 * the embedded-redis Maven artifact on a free port. Tests own their data through fresh schedule ids.
 */
public class RedisTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String HOSTS_VARIABLE = "TICKETING_TEST_REDIS_HOSTS";

    private RedisServer embedded;

    @Override
    public Map<String, String> start() {
        String external = System.getenv(HOSTS_VARIABLE);
        if (external != null && !external.isBlank()) {
            return Map.of("quarkus.redis.hosts", external);
        }
        try {
            int port = freePort();
            embedded = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                    .setting("save \"\"").setting("appendonly no").build();
            embedded.start();
            return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:" + port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (embedded != null) {
            try {
                embedded.stop();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
