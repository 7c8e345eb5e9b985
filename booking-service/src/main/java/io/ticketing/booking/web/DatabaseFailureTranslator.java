package io.ticketing.booking.web;

import jakarta.enterprise.context.ApplicationScoped;

import io.ticketing.booking.booking.DatabaseFailures;
import io.ticketing.booking.error.BookingException;
import io.ticketing.platform.FailureTranslator;
import io.ticketing.platform.ProblemCode;

/** A database failure wrapped in something else (a transaction's rollback, say) is still a 503, not a 500. */
@ApplicationScoped
class DatabaseFailureTranslator implements FailureTranslator {

    @Override
    public ProblemCode translate(Throwable failure) {
        BookingException translated = DatabaseFailures.translate(failure);
        return translated == null ? null : translated.code();
    }
}
