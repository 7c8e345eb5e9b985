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

    /**
     * How long a booking waits for its turn at most before it is refused with 503 BOOKING_BUSY; less
     * when its deadline leaves less ({@link #requestTimeout()} minus {@link #stepsAfterAdmission()}).
     */
    @WithDefault("PT5S")
    Duration admissionTimeout();

    /**
     * The most a booking request may take from its resource method to its answer. The gateway's
     * {@code X-Request-Budget-Ms} may make it shorter, never longer. It ends before the gateway's own
     * read timeout (10 s), so that a booking answers before the gateway gives up; time a request
     * spent queued for a worker before that is not counted yet, so a 504 may still come then.
     */
    @WithDefault("PT9S")
    Duration requestTimeout();

    /**
     * What a booking needs once it is let in: the claim (at most 0.9 s), the transaction (up to the
     * lock timeout) and the confirm. A booking whose deadline leaves less is refused before it claims.
     */
    @WithDefault("PT4S")
    Duration stepsAfterAdmission();

    /** The commit must come at least this long before the deadline: the confirm and the answer follow it. */
    @WithDefault("PT1S")
    Duration afterCommit();

    /** How many seats one booking may name. */
    @WithDefault("8")
    int maxSeatsPerBooking();

    /**
     * How many seats of one schedule one user may have booked, as ticket sites limit per person.
     * seat-lock enforces the same number for held plus booked seats ({@code seat-lock.seats-per-user});
     * the deployment sets both from one value.
     */
    @WithDefault("8")
    int seatsPerUser();

    /**
     * How old the seats and sales on a seat map may be: readers of one schedule within this time
     * share one read of the database. Zero: every read is fresh.
     */
    @WithDefault("PT0.25S")
    Duration seatMapMaxAge();

    /** The largest request body accepted, in bytes. */
    @WithDefault("16384")
    int maxBodyBytes();

    /** Largest page of GET /bookings. */
    @WithDefault("100")
    int maxPageSize();

    /** Make the demo event (through the operator path, {@code DemoData}) at start-up when it is not there yet. */
    @WithDefault("false")
    boolean demoData();

    /** Sent as X-Service-Key to seat-lock's internal API, every path under /internal/ (SEAT_LOCK_INTERNAL_API_KEY there). */
    Optional<String> seatLockServiceKey();

    /** The reconciliation of seat-lock's sold markers with this database ({@code SoldMarkerReconciler}). */
    SoldMarkers soldMarkers();

    interface SoldMarkers {

        /**
         * How often it runs: how long at most a sold seat can be held again after Redis lost its
         * markers, before seat-lock refuses it once more. "off" turns it off (tests call it themselves).
         */
        @WithDefault("2s")
        String checkEvery();

        /**
         * How old a booking must be before the reconciliation sends it again (in case its confirm never
         * came): longer than any booking transaction may last, so that none is committed behind it.
         */
        @WithDefault("PT5S")
        Duration settle();

        /** How far back a freshly started instance looks for bookings whose confirm may be missing. */
        @WithDefault("PT2M")
        Duration lookBack();
    }

    /** What operators may define ({@code Catalogue}). */
    Operator operator();

    interface Operator {

        /** The largest request body of the operator API, in bytes: a large hall's seat map in one request. */
        @WithDefault("1048576")
        int maxBodyBytes();

        /** The most seats one schedule's seat map may have. */
        @WithDefault("50000")
        int maxSeatsPerSchedule();

        /** The most seats of one schedule that may be off sale (each is checked free at every publication). */
        @WithDefault("10000")
        int maxSeatsOffSale();
    }

    /** The publication of each schedule's sales window and seat map to seat-lock ({@code SeatMapSync}). */
    SeatMaps seatMaps();

    interface SeatMaps {

        /**
         * How often every schedule not yet closed is checked against what seat-lock has, and published
         * again where seat-lock's is missing (Redis restarted empty) or older. "off" turns it off.
         */
        @WithDefault("2s")
        String checkEvery();

        /** Check and publish once at start-up, before the service is ready. */
        @WithDefault("true")
        boolean publishAtStart();
    }

    /** The warm-up that runs the service's hot paths at start, before readiness says UP. */
    WarmUp warmUp();

    interface WarmUp {

        /** Off in tests that count rows or metrics; on wherever a crowd may meet the service. */
        @WithDefault("true")
        boolean enabled();

        /** The warm-up stops after this long, done or not, and the service becomes ready. */
        @WithDefault("PT2S")
        Duration maxTime();
    }
}
