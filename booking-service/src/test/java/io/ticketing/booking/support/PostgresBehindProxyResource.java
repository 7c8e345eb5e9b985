package io.ticketing.booking.support;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import io.ticketing.testsupport.FaultProxy;

/**
 * The tests' real PostgreSQL, reached by booking-service through a {@link FaultProxy}, so that a test
 * can cut a connection at the moment it wants: while PostgreSQL commits, for instance.
 */
public class PostgresBehindProxyResource extends PostgresTestResource {

    private static volatile FaultProxy proxy;

    public static FaultProxy proxy() {
        return proxy;
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> real = new HashMap<>(super.start());
        String jdbcUrl = real.get("quarkus.datasource.jdbc.url");
        URI server = URI.create(jdbcUrl.substring("jdbc:".length()));
        proxy = FaultProxy.to(server.getHost(), server.getPort());
        real.put("quarkus.datasource.jdbc.url",
                jdbcUrl.replace("//" + server.getHost() + ":" + server.getPort() + "/", "//127.0.0.1:" + proxy.port() + "/"));
        return real;
    }

    @Override
    public void stop() {
        proxy.close();
        super.stop();
    }
}
