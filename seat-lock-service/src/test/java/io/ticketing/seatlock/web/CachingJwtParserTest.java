package io.ticketing.seatlock.web;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.ticketing.seatlock.support.RedisTestResource;
import io.ticketing.testsupport.DevTokens;

/** A bearer token is verified once, then answered from the cache; nothing else is. */
@QuarkusTest
@WithTestResource(RedisTestResource.class)
class CachingJwtParserTest {

    @Inject
    JWTParser parser;

    @Test
    void aTokenVerifiedOnceIsAnsweredFromTheCache() throws Exception {
        String token = DevTokens.forUser("cached");
        JsonWebToken first = parser.parse(token);
        assertSame(first, parser.parse(token), "the second look-up verifies nothing again");
    }

    @Test
    void aTamperedTokenIsRefusedEvenWhenTheGenuineOneIsCached() throws Exception {
        String token = DevTokens.forUser("genuine");
        parser.parse(token);
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + DevTokens.forUser("forger").split("\\.")[1] + "." + parts[2];
        assertThrows(ParseException.class, () -> parser.parse(forged), "claims of another token, signature of this one");
    }

    @Test
    void anExpiredTokenIsNotAnsweredFromTheCache() throws Exception {
        String token = DevTokens.expiringIn("short-lived", 1);
        JsonWebToken first = parser.parse(token);
        Thread.sleep(2100);
        // Verified again (smallrye-jwt may still accept it within its clock-skew grace), never served stale.
        try {
            assertNotSame(first, parser.parse(token));
        } catch (ParseException expired) {
            // refused: as good
        }
    }
}
