package io.ticketing.seatlock.rest;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.ticketing.seatlock.error.ErrorCode;
import io.ticketing.seatlock.error.SeatLockException;

/** The authenticated user: the {@code sub} of the bearer JWT, never a value from the body. */
@RequestScoped
class CurrentUser {

    private final JsonWebToken jwt;

    CurrentUser(JsonWebToken jwt) {
        this.jwt = jwt;
    }

    String id() {
        String subject = jwt.getSubject();
        if (subject == null || subject.isBlank() || subject.chars().anyMatch(Character::isISOControl)) {
            throw new SeatLockException(ErrorCode.UNAUTHENTICATED);
        }
        return subject;
    }
}
