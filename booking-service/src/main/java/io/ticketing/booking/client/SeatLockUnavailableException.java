package io.ticketing.booking.client;

/** seat-lock-service answered with a server error, or not usefully: booking answers 503. */
public class SeatLockUnavailableException extends RuntimeException {

    public SeatLockUnavailableException(String message) {
        super(message, null, false, false);
    }
}
