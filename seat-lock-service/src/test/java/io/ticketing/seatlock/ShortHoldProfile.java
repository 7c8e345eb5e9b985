package io.ticketing.seatlock;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Holds of two seconds, capped at four, so expiry and the extension cap can be watched happening. */
public class ShortHoldProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("seat-lock.hold-ttl", "PT2S", "seat-lock.max-hold-time", "PT4S");
    }
}
