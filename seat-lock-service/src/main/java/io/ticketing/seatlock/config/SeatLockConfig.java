package io.ticketing.seatlock.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The service's own settings. Each one can be overridden by an environment variable,
 * e.g. {@code SEAT_LOCK_HOLD_TTL=PT30S}.
 */
@ConfigMapping(prefix = "seat-lock")
public interface SeatLockConfig {

    /** How long a fresh hold lasts. */
    @WithDefault("PT2M")
    Duration holdTtl();

    /**
     * How long one user may hold seats of one schedule in total, counted from their first hold:
     * extensions, releasing and locking again, and holds that expired all count.
     */
    @WithDefault("PT10M")
    Duration maxHoldTime();

    /**
     * After the hold time is used up, how long the user waits before a new window opens (counted
     * from its end). Without it, a user could keep seats from everyone else by holding again.
     */
    @WithDefault("PT10M")
    Duration holdCooldown();

    /**
     * How many seats of one schedule one user may have at once, held, being booked and booked
     * together, as ticket sites limit per person. Keep booking-service's {@code booking.seats-per-user}
     * the same (the deployment sets both from one value).
     */
    @WithDefault("8")
    int seatsPerUser();

    /** How many seats one request may name. */
    @WithDefault("8")
    int maxSeatsPerRequest();

    /**
     * How long a booking claim lives. It must comfortably outlast booking's database transaction;
     * booking refuses to commit once less than its safety margin of the claim is left.
     */
    @WithDefault("PT30S")
    Duration claimTtl();

    /**
     * How old a seat map's holds may be: readers of one schedule within this time share one read
     * of Redis. A seat map is a picture; a lock always asks Redis itself. Zero: every read is fresh.
     */
    @WithDefault("PT0.25S")
    Duration seatMapMaxAge();

    /** A Redis call that has not answered by then fails with 503, so callers never hang. */
    @WithDefault("PT0.8S")
    Duration redisTimeout();

    /** The largest request body accepted, in bytes. */
    @WithDefault("16384")
    int maxBodyBytes();

    /**
     * Shared key that booking-service sends in {@code X-Service-Key} for the internal API: every path under /internal/ (claims, seat maps, sold seats).
     * Unset means the internal API is closed.
     */
    Optional<String> internalApiKey();

    /** The live seat-map streams (GET /api/v1/tickets/schedules/{id}/seats/stream). */
    Streams streams();

    interface Streams {

        /** How often each schedule streamed here reads its new seat events from Redis. */
        @WithDefault("PT0.05S")
        Duration readEvery();

        /** How often the ends of holds in the schedules streamed here are swept (announced free). */
        @WithDefault("PT0.2S")
        Duration sweepEvery();

        /**
         * Open streams one instance serves at most; more are told 503 TOO_MANY_STREAMS (the page tries
         * again later, maybe on another replica). Checked before each opens, so streams opening at the
         * same instant may pass it by a few.
         */
        @WithDefault("20000")
        int maxOpen();

        /**
         * Bytes a stream may have waiting to be written (beyond its snapshot) before it is ended: its
         * client reconnects and resumes, or gets a fresh snapshot. A slow reader never holds memory for ever.
         */
        @WithDefault("1048576")
        int maxBehindBytes();

        /** Recent events kept per schedule, so that a reconnecting client resumes without a snapshot. */
        @WithDefault("5000")
        int replayKept();

        /** A comment line sent this often keeps idle streams open through proxies. */
        @WithDefault("PT15S")
        Duration keepAlive();

        /** A schedule nobody streams here is still read this long, for clients that reconnect. */
        @WithDefault("PT30S")
        Duration linger();
    }

    /** The warm-up that runs the service's hot paths at start, before readiness says UP. */
    WarmUp warmUp();

    interface WarmUp {

        /** Off in tests that count Redis keys or metrics; on wherever a crowd may meet the service. */
        @WithDefault("true")
        boolean enabled();

        /** The warm-up stops after this long, done or not, and the service becomes ready. */
        @WithDefault("PT2S")
        Duration maxTime();
    }
}
