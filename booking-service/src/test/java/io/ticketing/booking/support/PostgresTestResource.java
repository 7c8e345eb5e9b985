package io.ticketing.booking.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL for the tests: the one named by {@code TICKETING_TEST_JDBC_URL} (with
 * {@code TICKETING_TEST_DB_USER}, {@code TICKETING_TEST_DB_PASSWORD}) when set, otherwise an
 * embedded PostgreSQL 16 started from the zonky Maven artifact on a free port.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private static volatile PostgresTestResource current;

    private EmbeddedPostgres embedded;

    public static PostgresTestResource current() {
        return current;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    /** Stops the embedded server, as a database outage would. */
    public void stopServer() throws IOException {
        embedded.close();
        embedded = null;
    }

    @Override
    public Map<String, String> start() {
        current = this;
        String external = System.getenv("TICKETING_TEST_JDBC_URL");
        if (external != null && !external.isBlank()) {
            return Map.of("quarkus.datasource.jdbc.url", external,
                    "quarkus.datasource.username", System.getenv().getOrDefault("TICKETING_TEST_DB_USER", "postgres"),
                    "quarkus.datasource.password", System.getenv().getOrDefault("TICKETING_TEST_DB_PASSWORD", ""));
        }
        try {
            embedded = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("quarkus.datasource.jdbc.url", embedded.getJdbcUrl("postgres", "postgres"),
                "quarkus.datasource.username", "postgres", "quarkus.datasource.password", "");
    }

    @Override
    public void stop() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
