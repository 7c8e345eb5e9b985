package io.ticketing.seatlock.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Holds of two seconds, capped at four per user and schedule, and a new window three seconds after
 * that, so expiry, the cap and the window can be watched happening.
 */
public class ShortHoldProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("seat-lock.hold-ttl", "PT2S", "seat-lock.max-hold-time", "PT4S", "seat-lock.hold-cooldown", "PT3S");
    }
}
