package io.ticketing.booking;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.ticketing.testsupport.SilentServer;

/** A seat-lock-service that has hung: it accepts connections and never answers. */
public class UnresponsiveSeatLock implements QuarkusTestResourceLifecycleManager {

    private SilentServer server;

    @Override
    public Map<String, String> start() {
        server = SilentServer.start();
        return Map.of("quarkus.rest-client.seat-lock.url", "http://127.0.0.1:" + server.port());
    }

    @Override
    public void stop() {
        server.close();
    }
}
