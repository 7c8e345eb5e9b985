package io.ticketing.platform;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.UnauthorizedException;

/**
 * The authenticated user: the {@code sub} of the bearer JWT, never a value from the body. A token
 * without a usable subject is a 401, like no token.
 */
@RequestScoped
public class CurrentUser {

    private final JsonWebToken jwt;

    CurrentUser(JsonWebToken jwt) {
        this.jwt = jwt;
    }

    public String id() {
        String subject = jwt.getSubject();
        if (subject == null || subject.isBlank() || subject.chars().anyMatch(Character::isISOControl)) {
            throw new UnauthorizedException();
        }
        return subject;
    }

    /** The caller's own {@code Authorization} value, to act for the same user at the other service. */
    public String bearer() {
        return "Bearer " + jwt.getRawToken();
    }
}
