package io.ticketing.booking.web;

import jakarta.enterprise.context.ApplicationScoped;

import io.ticketing.booking.config.BookingConfig;
import io.ticketing.booking.rest.OperatorResource;
import io.ticketing.platform.BodyLimits;

/**
 * {@code booking.max-body-bytes} for every request, {@code booking.operator.max-body-bytes} on the
 * operator API, whose seat maps can be large.
 */
@ApplicationScoped
class BookingBodyLimits implements BodyLimits {

    private final BookingConfig config;

    BookingBodyLimits(BookingConfig config) {
        this.config = config;
    }

    @Override
    public long maxBodyBytes(String path) {
        return path.startsWith(OperatorResource.PATH) ? config.operator().maxBodyBytes() : config.maxBodyBytes();
    }
}
