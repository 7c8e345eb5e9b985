package io.ticketing.booking.model;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.ticketing.booking.error.BookingException;
import io.ticketing.booking.error.ErrorCode;

/** One performance of an event. */
@Entity
@Table(name = "schedules")
public class Schedule {

    /**
     * How long after the show seat-lock keeps a seat marked sold. Past that nobody books it any more,
     * and should someone try, the database still refuses: the markers only spare it the work.
     */
    public static final Duration SOLD_MARKERS_AFTER_START = Duration.ofDays(1);


    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id")
    public Long eventId;

    @Column(name = "starts_at")
    public OffsetDateTime startsAt;

    /** From when seats can be held and booked. */
    @Column(name = "sales_open_at")
    public OffsetDateTime salesOpenAt;

    /** Until when (exclusive) seats can be held and booked; by default, when the show starts. */
    @Column(name = "sales_close_at")
    public OffsetDateTime salesCloseAt;

    /** While set and not past, an operator's change of this schedule's seats is under way (CatalogueWriter). */
    @Column(name = "seat_change_until")
    public OffsetDateTime seatChangeUntil;

    /** The version of the last publication of this schedule to seat-lock ({@code SeatMapPublisher}). */
    @Column(name = "seat_map_version")
    public Long seatMapVersion;

    /** Refuses a booking outside the sales window: before it opens, or from its close on. */
    public void checkOnSale(Instant now) {
        Instant opens = salesOpenAt.toInstant();
        Instant closes = salesCloseAt.toInstant();
        if (now.isBefore(opens)) {
            throw BookingException.outsideSales(ErrorCode.SALES_NOT_OPEN, opens, closes);
        }
        if (!now.isBefore(closes)) {
            throw BookingException.outsideSales(ErrorCode.SALES_CLOSED, opens, closes);
        }
    }
}
