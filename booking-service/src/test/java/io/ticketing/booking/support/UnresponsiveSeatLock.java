package io.ticketing.booking.support;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.ticketing.testsupport.SilentServer;

/**
 * A seat-lock-service that has hung: it accepts connections and never answers. The background
 * client (publication, reconciliation) gives up after 0.3 s here instead of its 5 s: these tests are
 * about a booking's answer, and every schedule a test sets up would otherwise wait out the 5 s twice.
 */
public class UnresponsiveSeatLock implements QuarkusTestResourceLifecycleManager {

    private SilentServer server;

    @Override
    public Map<String, String> start() {
        server = SilentServer.start();
        return Map.of("quarkus.rest-client.seat-lock.url", "http://127.0.0.1:" + server.port(),
                "quarkus.rest-client.seat-lock-reconciliation.read-timeout", "300");
    }

    @Override
    public void stop() {
        server.close();
    }
}
