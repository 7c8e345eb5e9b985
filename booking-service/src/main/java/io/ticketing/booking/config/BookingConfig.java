package io.ticketing.booking.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The service's own settings; each can be overridden by an environment variable (BOOKING_LOCK_TIMEOUT=PT1S). */
@ConfigMapping(prefix = "booking")
public interface BookingConfig {

    /** How long the booking transaction waits for a seat row lock before giving up with 409. */
    @WithDefault("PT2S")
    Duration lockTimeout();

    /**
     * A booking is not committed once less than this is left of its seat-lock claim: the claim must
     * outlive the commit, or another user could hold the seat while we still write.
     */
    @WithDefault("PT5S")
    Duration claimSafetyMargin();

    /**
     * How many bookings run their claim-write-confirm flow at once per instance. The rest wait their
     * turn (up to {@link #admissionTimeout()}), so that under a ticket-open surge each booking in
     * flight gets the CPU it needs to finish within its seat-lock deadline instead of all timing out.
     */
    @WithDefault("16")
    int maxConcurrentBookings();

    /** How long a booking waits for its turn before it is refused with 503 BOOKING_BUSY. */
    @WithDefault("PT10S")
    Duration admissionTimeout();

    /** How many seats one booking may name. */
    @WithDefault("8")
    int maxSeatsPerBooking();

    /** The largest request body accepted, in bytes. */
    @WithDefault("16384")
    int maxBodyBytes();

    /** Largest page of GET /bookings. */
    @WithDefault("100")
    int maxPageSize();

    /** Load the demo event (db/demo/demo-data.sql) at start-up when it is not there yet. */
    @WithDefault("false")
    boolean demoData();

    /** Sent as X-Service-Key to seat-lock's internal claim API (SEAT_LOCK_INTERNAL_API_KEY there). */
    Optional<String> seatLockServiceKey();
}
