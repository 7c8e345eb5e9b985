package io.ticketing.booking.support;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import io.ticketing.testsupport.FaultProxy;

/** The real seat-lock-service behind a {@link FaultProxy} that delays every request by 200 ms: slow, not dead. */
public class SlowSeatLockResource extends SeatLockServiceResource {

    public static final Duration DELAY = Duration.ofMillis(200);
    private FaultProxy proxy;

    @Override
    public Map<String, String> start() {
        Map<String, String> real = super.start();
        URI seatLock = URI.create(real.get("quarkus.rest-client.seat-lock.url"));
        proxy = FaultProxy.to(seatLock.getHost(), seatLock.getPort()).delay(DELAY);
        return Map.of("quarkus.rest-client.seat-lock.url", proxy.url());
    }

    @Override
    public void stop() {
        proxy.close();
        super.stop();
    }
}
