package io.ticketing.booking.booking;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.ticketing.booking.error.BookingException;
import io.ticketing.booking.error.ErrorCode;
import io.ticketing.booking.model.Booking;
import io.ticketing.booking.repository.BookingRepository;

/**
 * What an {@code Idempotency-Key} promises: the same key and body give the same booking again (a
 * replay), the same key with another body is refused (422), and twin requests in flight at once (a
 * double click, a retry after a lost answer) share one claim at seat-lock and end with one booking.
 */
@ApplicationScoped
class IdempotentReplays {

    private final BookingRepository bookings;
    private final BookingQueries queries;

    IdempotentReplays(BookingRepository bookings, BookingQueries queries) {
        this.bookings = bookings;
        this.queries = queries;
    }

    /**
     * The claim token: random, or for a request with an Idempotency-Key derived from the user, the
     * key and the body, so that twins share one claim at seat-lock instead of locking each other
     * out; the database then lets one of them write.
     */
    String claimTokenFor(String userId, BookingCommand command) {
        if (command.idempotencyKey() == null) {
            return UUID.randomUUID().toString();
        }
        String identity = userId + "\n" + command.idempotencyKey() + "\n" + command.requestHash();
        return UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The booking stored earlier under this request's Idempotency-Key; 422 if it was for another body. */
    Optional<BookingOutcome> earlier(String userId, BookingCommand command) {
        Optional<Booking> stored = storedUnderKey(userId, command);
        if (stored.isPresent() && !stored.get().requestHash.equals(command.requestHash())) {
            throw new BookingException(ErrorCode.IDEMPOTENCY_KEY_REUSED);
        }
        return stored.map(this::replayed);
    }

    /** The booking a twin request (same user, Idempotency-Key and body) has stored meanwhile, if any. */
    Optional<BookingOutcome> twin(String userId, BookingCommand command) {
        return storedUnderKey(userId, command).filter(stored -> stored.requestHash.equals(command.requestHash()))
                .map(this::replayed);
    }

    private Optional<Booking> storedUnderKey(String userId, BookingCommand command) {
        return command.idempotencyKey() == null ? Optional.empty()
                : bookings.findByIdempotencyKey(userId, command.idempotencyKey());
    }

    private BookingOutcome replayed(Booking stored) {
        return new BookingOutcome(queries.withSeats(stored), true);
    }
}
