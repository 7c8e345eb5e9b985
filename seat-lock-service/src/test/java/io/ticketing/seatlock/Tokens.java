package io.ticketing.seatlock;

import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/** Bearer tokens signed with the LOCAL-ONLY dev key, as scripts/dev-token.sh makes them. */
public final class Tokens {

    public static final String ISSUER = "https://ticketing.local/dev";

    private Tokens() {
    }

    public static String forUser(String userId) {
        return Jwt.issuer(ISSUER).subject(userId).upn(userId).groups(Set.of("user")).expiresIn(3600).sign();
    }

    public static String bearer(String userId) {
        return "Bearer " + forUser(userId);
    }
}
