package io.ticketing.booking.web;

import static org.junit.jupiter.api.Assertions.assertSame;

import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.ticketing.booking.support.PostgresTestResource;
import io.ticketing.testsupport.DevTokens;

/**
 * booking-service verifies a bearer token once too: the platform's cache is the parser here as in
 * seat-lock (whose CachingJwtParserTest covers what it refuses), not smallrye's own.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class CachingJwtParserTest {

    @Inject
    JWTParser parser;

    @Test
    void aTokenVerifiedOnceIsAnsweredFromTheCache() throws Exception {
        String token = DevTokens.forUser("cached-at-booking");
        JsonWebToken first = parser.parse(token);
        assertSame(first, parser.parse(token), "the second look-up verifies nothing again");
    }
}
