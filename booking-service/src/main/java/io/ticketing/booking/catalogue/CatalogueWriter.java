package io.ticketing.booking.catalogue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.ticketing.booking.config.BookingConfig;
import io.ticketing.booking.error.BookingException;
import io.ticketing.booking.error.ErrorCode;
import io.ticketing.booking.model.Event;
import io.ticketing.booking.model.Schedule;
import io.ticketing.booking.model.Seat;
import io.ticketing.booking.model.SeatRef;
import io.ticketing.booking.repository.BookedSeatRepository;
import io.ticketing.booking.repository.EventRepository;
import io.ticketing.booking.repository.ScheduleRepository;
import io.ticketing.booking.repository.SeatRepository;
import io.ticketing.booking.sync.SeatMapPublisher;
import io.ticketing.platform.CommonError;

/**
 * The catalogue's writes, each one short transaction of the database alone: seat-lock is told
 * afterwards ({@link SeatMapPublisher}), never from inside a transaction.
 */
@ApplicationScoped
class CatalogueWriter {

    /** A seat as it was before a change took it off sale, to put back should seat-lock refuse. */
    record Before(SeatRef seat, boolean onSale) {
    }

    /** How long a seat change may take from taking its seats off sale to applying the change. */
    static final Duration SEAT_CHANGE_LEASE = Duration.ofSeconds(30);

    /** Times the database can store and people mean: no show before 2000 or after 2999. */
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("3000-01-01T00:00:00Z");

    private final EventRepository events;
    private final ScheduleRepository schedules;
    private final SeatRepository seats;
    private final BookedSeatRepository bookedSeats;
    private final SeatMapRows seatMapRows;
    private final BookingConfig config;

    CatalogueWriter(EventRepository events, ScheduleRepository schedules, SeatRepository seats, BookedSeatRepository bookedSeats,
            SeatMapRows seatMapRows, BookingConfig config) {
        this.events = events;
        this.schedules = schedules;
        this.seats = seats;
        this.bookedSeats = bookedSeats;
        this.seatMapRows = seatMapRows;
        this.config = config;
    }

    @Transactional
    Event createEvent(String title, String venue) {
        Event event = new Event();
        event.title = title;
        event.venue = venue;
        events.persist(event);
        return event;
    }

    @Transactional
    Event updateEvent(long eventId, String title, String venue) {
        Event event = event(eventId);
        event.title = title;
        event.venue = venue;
        return event;
    }

    @Transactional
    Schedule createSchedule(long eventId, Instant startsAt, Instant salesOpenAt, Instant salesCloseAt) {
        event(eventId);
        Schedule schedule = new Schedule();
        schedule.eventId = eventId;
        schedule.seatMapVersion = 0L;
        window(schedule, startsAt, salesOpenAt, salesCloseAt == null ? startsAt : salesCloseAt);
        schedules.persist(schedule);
        return schedule;
    }

    /** Moves the show or its sales window; a field left null stays as it is. */
    @Transactional
    Schedule updateSchedule(long scheduleId, Instant startsAt, Instant salesOpenAt, Instant salesCloseAt) {
        Schedule schedule = lockedSchedule(scheduleId);
        window(schedule, startsAt == null ? schedule.startsAt.toInstant() : startsAt,
                salesOpenAt == null ? schedule.salesOpenAt.toInstant() : salesOpenAt,
                salesCloseAt == null ? schedule.salesCloseAt.toInstant() : salesCloseAt);
        return schedule;
    }

    /**
     * Replaces the schedule's seat map whole: only before its sales open (or while it has no seats, so
     * nothing can be held) and while no booking names its seats (a booking's rows must keep their
     * seats). Seat by seat changes come after that.
     */
    @Transactional
    int replaceSeatMap(long scheduleId, SeatMapPlan plan) {
        mayReplaceSeatMap(scheduleId);
        seatMapRows.deleteAll(scheduleId);
        return seatMapRows.insert(scheduleId, plan.seats());
    }

    @Transactional
    int copySeatMap(long scheduleId, long fromScheduleId) {
        if (schedules.findByIdOptional(fromScheduleId).isEmpty()) {
            throw new BookingException(ErrorCode.SCHEDULE_NOT_FOUND, Long.toString(fromScheduleId));
        }
        mayReplaceSeatMap(scheduleId);
        seatMapRows.deleteAll(scheduleId);
        return seatMapRows.copy(scheduleId, fromScheduleId);
    }

    /**
     * First step of a seat change: every seat named must exist and have no active booking; each is
     * taken off sale, so that seat-lock, told next, refuses the change should one be held or claimed
     * (a seat in anyone's hands never changes under them). Returns how each seat was, to put it back.
     */
    @Transactional
    List<Before> takeOffSale(long scheduleId, List<SeatChange> changes) {
        Schedule schedule = lockedSchedule(scheduleId);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (schedule.seatChangeUntil != null && schedule.seatChangeUntil.isAfter(now)) {
            throw new BookingException(ErrorCode.SEAT_CHANGE_IN_PROGRESS);
        }
        List<SeatRef> refs = changes.stream().map(SeatChange::seat).toList();
        List<Seat> found = seats.lockAt(scheduleId, refs);
        if (found.size() < refs.size()) {
            List<SeatRef> present = found.stream().map(Seat::ref).toList();
            throw new BookingException(ErrorCode.SEAT_NOT_FOUND,
                    refs.stream().filter(ref -> !present.contains(ref)).map(SeatRef::toString).collect(Collectors.joining(", ")));
        }
        List<Long> booked = bookedSeats.activeAmong(found.stream().map(seat -> seat.id).toList());
        if (!booked.isEmpty()) {
            throw new BookingException(ErrorCode.SEATS_IN_USE, found.stream().filter(seat -> booked.contains(seat.id))
                    .map(seat -> seat.ref().toString()).collect(Collectors.joining(", ")));
        }
        long offSaleAfter = seatMapRows.offSale(scheduleId) + changes.stream().filter(change -> {
            Seat seat = found.stream().filter(candidate -> candidate.ref().equals(change.seat())).findFirst().orElseThrow();
            return seat.onSale && Boolean.FALSE.equals(change.onSale());
        }).count();
        if (offSaleAfter > config.operator().maxSeatsOffSale()) {
            throw new BookingException(ErrorCode.TOO_MANY_SEATS_OFF_SALE, Integer.toString(config.operator().maxSeatsOffSale()));
        }
        List<Before> before = new ArrayList<>();
        for (Seat seat : found) {
            before.add(new Before(seat.ref(), seat.onSale));
            seat.onSale = false;
        }
        // Until this change is applied or put back: another change of these seats meanwhile would
        // read them off sale and take that for how they were.
        schedule.seatChangeUntil = now.plus(SEAT_CHANGE_LEASE);
        return before;
    }

    /** Puts seats back as they were before {@link #takeOffSale}: seat-lock refused the change. */
    @Transactional
    void putBack(long scheduleId, List<Before> before) {
        lockedSchedule(scheduleId).seatChangeUntil = null;
        List<Seat> found = seats.lockAt(scheduleId, before.stream().map(Before::seat).toList());
        for (Seat seat : found) {
            seat.onSale = before.stream().filter(was -> was.seat().equals(seat.ref())).findFirst().map(Before::onSale).orElse(seat.onSale);
        }
    }

    /** Second step: the changes themselves, and each seat on sale again unless it was withdrawn. */
    @Transactional
    int apply(long scheduleId, List<SeatChange> changes, List<Before> before) {
        lockedSchedule(scheduleId).seatChangeUntil = null;
        List<Seat> found = seats.lockAt(scheduleId, changes.stream().map(SeatChange::seat).toList());
        for (Seat seat : found) {
            SeatChange change = changes.stream().filter(candidate -> candidate.seat().equals(seat.ref())).findFirst().orElseThrow();
            boolean wasOnSale = before.stream().filter(was -> was.seat().equals(seat.ref())).findFirst().map(Before::onSale).orElse(true);
            if (change.grade() != null) {
                seat.grade = change.grade();
            }
            if (change.price() != null) {
                seat.price = change.price();
            }
            seat.onSale = change.onSale() == null ? wasOnSale : change.onSale();
        }
        return found.size();
    }

    private void mayReplaceSeatMap(long scheduleId) {
        Schedule schedule = lockedSchedule(scheduleId);
        boolean onSale = !Instant.now().isBefore(schedule.salesOpenAt.toInstant());
        if (onSale && seatMapRows.seats(scheduleId) > 0 || seatMapRows.hasBookings(scheduleId)) {
            throw new BookingException(ErrorCode.SEAT_MAP_LOCKED);
        }
    }

    private static void window(Schedule schedule, Instant startsAt, Instant salesOpenAt, Instant salesCloseAt) {
        if (startsAt == null || salesOpenAt == null) {
            throw new BookingException(CommonError.MISSING_FIELD, startsAt == null ? "starts_at" : "sales_open_at");
        }
        for (var time : Map.of("starts_at", startsAt, "sales_open_at", salesOpenAt, "sales_close_at", salesCloseAt).entrySet()) {
            if (time.getValue().isBefore(EARLIEST) || !time.getValue().isBefore(LATEST)) {
                throw new BookingException(CommonError.INVALID_FIELD, time.getKey());
            }
        }
        if (!salesOpenAt.isBefore(salesCloseAt)) {
            throw new BookingException(ErrorCode.INVALID_SALES_WINDOW, "sales_close_at <= sales_open_at");
        }
        schedule.startsAt = OffsetDateTime.ofInstant(startsAt, ZoneOffset.UTC);
        schedule.salesOpenAt = OffsetDateTime.ofInstant(salesOpenAt, ZoneOffset.UTC);
        schedule.salesCloseAt = OffsetDateTime.ofInstant(salesCloseAt, ZoneOffset.UTC);
    }

    private Event event(long eventId) {
        return events.findByIdOptional(eventId)
                .orElseThrow(() -> new BookingException(ErrorCode.EVENT_NOT_FOUND, Long.toString(eventId)));
    }

    /** The schedule's row, locked: changes of one schedule, and its publications, take their turns. */
    private Schedule lockedSchedule(long scheduleId) {
        return schedules.findByIdOptional(scheduleId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new BookingException(ErrorCode.SCHEDULE_NOT_FOUND, Long.toString(scheduleId)));
    }
}
