package io.ticketing.seatlock.redis;

import io.ticketing.seatlock.model.Seat;

/**
 * Redis key names. Every key of a schedule carries the hash tag {@code {<schedule_id>}}, so that on
 * Redis Cluster one schedule lives in one slot and each multi-seat script stays atomic.
 */
public final class SeatKeys {

    private SeatKeys() {
    }

    /** {@code seat_lock:{<schedule_id>}:}, followed by {@code <row>:<number>}: one key per seat. */
    public static String seatPrefix(long scheduleId) {
        return "seat_lock:{" + scheduleId + "}:";
    }

    public static String seat(long scheduleId, Seat seat) {
        return seatPrefix(scheduleId) + seat.member();
    }

    /** A hold's or claim's record: owner, kind, fencing token, start time and seats. */
    public static String holdPrefix(long scheduleId) {
        return "seat_hold:{" + scheduleId + "}:";
    }

    public static String hold(long scheduleId, String token) {
        return holdPrefix(scheduleId) + token;
    }

    /** The booking attempts that count on a claim (twins and retries share one claim token). */
    public static String claimAttempts(long scheduleId, String claimToken) {
        return "seat_claim_attempts:{" + scheduleId + "}:" + claimToken;
    }

    /** The attempts that gave a claim up: a claim of theirs arriving late takes nothing. */
    public static String claimAborted(long scheduleId, String claimToken) {
        return "seat_claim_aborted:{" + scheduleId + "}:" + claimToken;
    }

    /** That a booking was cancelled: a late confirm of it must not mark its seats sold again. */
    public static String cancelled(long scheduleId, long bookingId) {
        return "seat_cancelled:{" + scheduleId + "}:" + bookingId;
    }

    /**
     * A user's seats in a schedule, held, claimed or bought, each scored with when it stops
     * counting: what the per-user seat limit counts.
     */
    public static String userSeats(long scheduleId, String owner) {
        return "seat_user:{" + scheduleId + "}:" + owner;
    }

    /** When a user's hold window in a schedule began: holding is capped per user, not per hold. */
    public static String userWindow(long scheduleId, String owner) {
        return "seat_user_window:{" + scheduleId + "}:" + owner;
    }

    /** That seat-lock gave up waiting for a lock under this token: the lock, arriving late, takes nothing. */
    public static String abandoned(long scheduleId, String token) {
        return "seat_hold_abandoned:{" + scheduleId + "}:" + token;
    }

    /**
     * The schedule's sale as booking published it: {@code open} and {@code close} (ms since the epoch)
     * and the {@code version} of the publication. Missing: booking never published the schedule (or
     * Redis lost it; booking publishes it again within seconds).
     */
    public static String sale(long scheduleId) {
        return "seat_sale:{" + scheduleId + "}";
    }

    /** The seats of the schedule's seat map, as members ({@code <row>:<number>}): only these may be held. */
    public static String seatMap(long scheduleId) {
        return "seat_map:{" + scheduleId + "}";
    }

    /** A seat map being sent in pages, swapped in whole by publish_map.lua. */
    public static String stagedSeatMap(long scheduleId, String staging) {
        return "seat_map_staged:{" + scheduleId + "}:" + staging;
    }

    /**
     * Set by booking once it has published every schedule on sale (a complete round of its sync).
     * Missing while Redis is new or came back empty: a schedule seat-lock does not know may then only
     * be one booking has not published again yet, so a hold is told 503 (try again), not 404. One key
     * for all schedules, with no hash tag.
     */
    public static String salesComplete() {
        return "seat_sales_complete";
    }

    /**
     * The schedule's seat events: every change of a seat's state (AVAILABLE, HELD, BOOKED) a script
     * made, in order, and '_map' when the seat map changed; what the live seat-map streams read.
     */
    public static String events(long scheduleId) {
        return "seat_events:{" + scheduleId + "}";
    }

    /** When each hold or claim in the schedule ends (seat member scored in ms): what sweep.lua sweeps. */
    public static String holdEnds(long scheduleId) {
        return "seat_hold_ends:{" + scheduleId + "}";
    }

    /** The per-schedule counter behind fencing tokens. */
    public static String fence(long scheduleId) {
        return "seat_fence:{" + scheduleId + "}";
    }

    /** The seats of a schedule that have, or recently had, a key; lets listing avoid SCAN. */
    public static String index(long scheduleId) {
        return "seat_index:{" + scheduleId + "}";
    }

    /**
     * Set when a schedule's sold markers were last rebuilt whole from booking's database: missing, Redis
     * has lost them (restarted empty, or the schedule is new to it) and booking rebuilds them.
     */
    public static String soldComplete(long scheduleId) {
        return "seat_sold_complete:{" + scheduleId + "}";
    }

    /** The lease of the one rebuild of a schedule's sold markers under way. */
    public static String soldRebuild(long scheduleId) {
        return "seat_sold_rebuild:{" + scheduleId + "}";
    }
}
