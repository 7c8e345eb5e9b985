package io.ticketing.seatlock.support;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.ticketing.testsupport.SilentServer;

/** A Redis that has gone silent: it accepts connections and never answers. */
public class UnresponsiveRedis implements QuarkusTestResourceLifecycleManager {

    private SilentServer server;

    @Override
    public Map<String, String> start() {
        server = SilentServer.start();
        return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:" + server.port());
    }

    @Override
    public void stop() {
        server.close();
    }
}
