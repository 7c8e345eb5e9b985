package io.ticketing.seatlock.web;

import jakarta.enterprise.context.ApplicationScoped;

import io.ticketing.platform.BodyLimits;
import io.ticketing.seatlock.config.SeatLockConfig;
import io.ticketing.seatlock.rest.InternalSeatMapResource;

/**
 * {@code seat-lock.max-body-bytes} for every request, but booking's seat-map pages
 * ({@link InternalSeatMapResource}), which may be up to 256 KiB for a page of a large hall.
 */
@ApplicationScoped
class SeatLockBodyLimits implements BodyLimits {

    private final SeatLockConfig config;

    SeatLockBodyLimits(SeatLockConfig config) {
        this.config = config;
    }

    @Override
    public long maxBodyBytes(String path) {
        return path.startsWith(InternalSeatMapResource.PATH) ? InternalSeatMapResource.MAX_BODY_BYTES : config.maxBodyBytes();
    }
}
