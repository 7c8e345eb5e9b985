package io.ticketing.booking.booking;

/**
 * A booking's commit failed in a way that does not say whether PostgreSQL stored it: the connection
 * dropped after COMMIT was sent, say. Not an answer for the caller: the flow first finds out.
 */
class CommitUncertain extends RuntimeException {

    CommitUncertain(Throwable cause) {
        super("The commit's outcome is unknown", cause);
    }
}
