package io.ticketing.seatlock.support;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.ticketing.seatlock.hold.BookingClaimTest;
import io.ticketing.testsupport.DevTokens;

/**
 * The packaged app runs the prod profile, which trusts no key by itself: point it at the LOCAL-ONLY
 * dev key, exactly as an operator would with MP_JWT_VERIFY_PUBLICKEY_LOCATION.
 */
public class DevKeyResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("mp.jwt.verify.publickey.location", DevTokens.DEV_KEYS.resolve("jwt-public.pem").toString(),
                "seat-lock.internal-api-key", BookingClaimTest.SERVICE_KEY);
    }

    @Override
    public void stop() {
    }
}
