package io.ticketing.seatlock;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Holds of one second, capped at two, so expiry and the extension cap can be watched happening. */
public class ShortHoldProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("seat-lock.hold-ttl", "PT1S", "seat-lock.max-hold-time", "PT2S");
    }
}
