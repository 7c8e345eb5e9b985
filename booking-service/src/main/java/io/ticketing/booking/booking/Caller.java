package io.ticketing.booking.booking;

import io.ticketing.platform.CurrentUser;

/**
 * Who asks: the user id (the JWT's {@code sub}) and the bearer token that goes on to seat-lock,
 * which checks it again and acts for the same user. Never a value from the request body.
 */
public record Caller(String userId, String bearer) {

    public static Caller of(CurrentUser user) {
        return new Caller(user.id(), user.bearer());
    }

    @Override
    public String toString() {
        return "Caller[" + userId + "]";
    }
}
