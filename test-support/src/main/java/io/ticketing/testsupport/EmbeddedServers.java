package io.ticketing.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import redis.embedded.RedisServer;

/**
 * The tests' embedded Redis and PostgreSQL (the same Maven artifacts) as servers of their own, for
 * scripts/local-stack.sh on a machine that has neither installed nor can install them:
 * <pre>
 *   redis PORT                       a redis-server on 127.0.0.1:PORT, keeping nothing on disk
 *   postgres PORT DATA_DIR DB_NAME   PostgreSQL 16 on 127.0.0.1:PORT (user postgres, trust), DB_NAME created
 * </pre>
 * Prints "ready" once it serves, and runs until it is stopped (SIGTERM stops the server too).
 */
public final class EmbeddedServers {

    private EmbeddedServers() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: redis PORT | postgres PORT DATA_DIR DB_NAME");
        }
        int port = Integer.parseInt(args[1]);
        switch (args[0]) {
            case "redis" -> {
                RedisServer redis = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                        .setting("save \"\"").setting("appendonly no").build();
                redis.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        redis.stop();
                    } catch (Exception e) {
                        // stopping anyway
                    }
                }));
            }
            case "postgres" -> {
                Path data = Path.of(args[2]);
                Files.createDirectories(data);
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPort(port).setDataDirectory(data)
                        .setCleanDataDirectory(false).start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (Exception e) {
                        // stopping anyway
                    }
                }));
                String database = args[3];
                try (Connection connection = postgres.getPostgresDatabase().getConnection();
                        Statement statement = connection.createStatement()) {
                    try (ResultSet found = statement.executeQuery(
                            "SELECT 1 FROM pg_database WHERE datname = '" + database.replace("'", "''") + "'")) {
                        if (!found.next()) {
                            statement.execute("CREATE DATABASE \"" + database.replace("\"", "") + "\"");
                        }
                    }
                }
            }
            default -> throw new IllegalArgumentException("unknown server " + args[0]);
        }
        System.out.println("ready");
        Thread.currentThread().join();
    }
}
