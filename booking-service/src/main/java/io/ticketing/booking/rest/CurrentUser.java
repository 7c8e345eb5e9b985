package io.ticketing.booking.rest;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.ticketing.booking.error.BookingException;
import io.ticketing.booking.error.ErrorCode;
import io.ticketing.booking.service.Caller;

/**
 * The authenticated user: the {@code sub} of the bearer JWT, never a value from the body. The raw
 * token goes on to seat-lock-service, which checks it again and acts for the same user.
 */
@RequestScoped
class CurrentUser {

    private final JsonWebToken jwt;

    CurrentUser(JsonWebToken jwt) {
        this.jwt = jwt;
    }

    String id() {
        String subject = jwt.getSubject();
        if (subject == null || subject.isBlank() || subject.chars().anyMatch(Character::isISOControl)) {
            throw new BookingException(ErrorCode.UNAUTHENTICATED);
        }
        return subject;
    }

    Caller caller() {
        return new Caller(id(), "Bearer " + jwt.getRawToken());
    }
}
