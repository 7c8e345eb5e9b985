package io.ticketing.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import redis.embedded.RedisServer;

/**
 * A real Redis for the tests: the one named by {@code TICKETING_TEST_REDIS_HOSTS}
 * (e.g. {@code redis://127.0.0.1:6379}) when set, otherwise an embedded redis-server started from
 * the embedded-redis Maven artifact on a free port. Tests own their data through fresh schedule ids.
 */
public final class TestRedis implements AutoCloseable {

    public static final String HOSTS_VARIABLE = "TICKETING_TEST_REDIS_HOSTS";

    private final String host;
    private final int port;
    private final RedisServer embedded;

    private TestRedis(String host, int port, RedisServer embedded) {
        this.host = host;
        this.port = port;
        this.embedded = embedded;
    }

    public static TestRedis start() {
        String external = System.getenv(HOSTS_VARIABLE);
        if (external != null && !external.isBlank()) {
            URI uri = URI.create(external);
            return new TestRedis(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 6379, null);
        }
        try {
            int port = freePort();
            RedisServer server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                    .setting("save \"\"").setting("appendonly no").build();
            server.start();
            return new TestRedis("127.0.0.1", port, server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "redis://" + host + ":" + port;
    }

    /** Empties Redis, as an operator's FLUSHALL or a Redis restart without persistence would. */
    public void flushAll() throws IOException {
        try (Socket socket = new Socket(host, port)) {
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

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.stop();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
