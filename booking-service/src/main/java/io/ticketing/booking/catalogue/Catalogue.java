package io.ticketing.booking.catalogue;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.ticketing.booking.catalogue.CatalogueWriter.Before;
import io.ticketing.booking.client.SeatLockDtos.Publication;
import io.ticketing.booking.client.SeatLockDtos.PublishAnswer;
import io.ticketing.booking.client.SeatLockUnavailableException;
import io.ticketing.booking.config.BookingConfig;
import io.ticketing.booking.error.BookingException;
import io.ticketing.booking.error.ErrorCode;
import io.ticketing.booking.model.Event;
import io.ticketing.booking.model.Schedule;
import io.ticketing.booking.model.SeatRef;
import io.ticketing.booking.sync.SeatMapPublisher;
import io.ticketing.booking.sync.SeatMapSync;
import io.ticketing.platform.CommonError;

/**
 * What operators do to set up a sale: events, schedules with their sales windows, seat maps, and
 * changes to single seats. Every change is stored first (one short transaction) and then published
 * to seat-lock, which holds only seats of the published map, inside the published window. A
 * publication that fails after the change was stored is repeated by {@link SeatMapSync} within
 * seconds; the answer says {@code published: false}. The demo data is made through here too.
 */
@ApplicationScoped
public class Catalogue {

    /** A change that touched a schedule, and whether seat-lock has it yet. */
    public record Changed<T>(T value, boolean published) {
    }

    static final int MAX_SEAT_CHANGES = 1_000;
    static final int MAX_NAME_LENGTH = 200;

    private final CatalogueWriter writer;
    private final SeatMapPublisher publisher;
    private final BookingConfig config;

    Catalogue(CatalogueWriter writer, SeatMapPublisher publisher, BookingConfig config) {
        this.writer = writer;
        this.publisher = publisher;
        this.config = config;
    }

    public Event createEvent(String title, String venue) {
        return writer.createEvent(name(title, "title"), name(venue, "venue"));
    }

    public Event updateEvent(long eventId, String title, String venue) {
        return writer.updateEvent(eventId, name(title, "title"), name(venue, "venue"));
    }

    /** A new performance of the event; its sales close when it starts unless {@code salesCloseAt} says otherwise. */
    public Changed<Schedule> createSchedule(long eventId, Instant startsAt, Instant salesOpenAt, Instant salesCloseAt) {
        Schedule schedule = writer.createSchedule(eventId, startsAt, salesOpenAt, salesCloseAt);
        return new Changed<>(schedule, publishedAfterCommit(schedule.id));
    }

    public Changed<Schedule> updateSchedule(long scheduleId, Instant startsAt, Instant salesOpenAt, Instant salesCloseAt) {
        Schedule schedule = writer.updateSchedule(scheduleId, startsAt, salesOpenAt, salesCloseAt);
        return new Changed<>(schedule, publishedAfterCommit(scheduleId));
    }

    /** Defines (or, before sales open, replaces) the schedule's seat map: one transaction, then one publication. */
    public Changed<Integer> defineSeatMap(long scheduleId, List<SeatMapPlan.Section> sections) {
        SeatMapPlan plan = SeatMapPlan.of(sections, config.operator().maxSeatsPerSchedule());
        long started = System.nanoTime();
        int seats = writer.replaceSeatMap(scheduleId, plan);
        Log.infof("Seat map of schedule %d: %d seats stored in %d ms", scheduleId, seats, (System.nanoTime() - started) / 1_000_000);
        return new Changed<>(seats, publishedAfterCommit(scheduleId));
    }

    public Changed<Integer> copySeatMap(long scheduleId, long fromScheduleId) {
        int seats = writer.copySeatMap(scheduleId, fromScheduleId);
        return new Changed<>(seats, publishedAfterCommit(scheduleId));
    }

    /**
     * Changes grades, prices or whether seats are on sale. Before sales open this always succeeds;
     * after, a seat someone holds, claims or bought is never changed (409 SEATS_IN_USE, nothing
     * changed). The seats go off sale first and seat-lock is told: it refuses a map that leaves a
     * seat in use outside, and then they are put back as they were. Only once seat-lock took them
     * out are the changes made and the seats (unless withdrawn) put on sale again.
     */
    public Changed<Integer> changeSeats(long scheduleId, List<SeatChange> changes) {
        checkChanges(changes);
        List<Before> before = writer.takeOffSale(scheduleId, changes);
        PublishAnswer answer;
        try {
            answer = publisher.publish(scheduleId);
        } catch (RuntimeException e) {
            putBack(scheduleId, before);
            Log.warnf("Seat change of schedule %d not made: seat-lock could not be told (%s)", scheduleId, e.toString());
            throw new SeatLockUnavailableException("seat map not published: " + e);
        }
        if (answer.outcome() == Publication.SEATS_IN_USE) {
            putBack(scheduleId, before);
            throw new BookingException(ErrorCode.SEATS_IN_USE,
                    answer.seatsInUse().stream().map(SeatRef::toString).collect(Collectors.joining(", ")));
        }
        int changed = writer.apply(scheduleId, changes, before);
        return new Changed<>(changed, publishedAfterCommit(scheduleId));
    }

    private void putBack(long scheduleId, List<Before> before) {
        writer.putBack(scheduleId, before);
        publishedAfterCommit(scheduleId);
    }

    /** Publishes a change already stored; false when seat-lock was not told now ({@link SeatMapSync} repeats it). */
    private boolean publishedAfterCommit(long scheduleId) {
        try {
            return publisher.publish(scheduleId).outcome() != Publication.SEATS_IN_USE;
        } catch (RuntimeException e) {
            Log.warnf("Schedule %d changed but not yet published to seat-lock (published again within seconds): %s", scheduleId,
                    e.toString());
            return false;
        }
    }

    private static void checkChanges(List<SeatChange> changes) {
        if (changes == null || changes.isEmpty()) {
            throw new BookingException(ErrorCode.EMPTY_SEATS);
        }
        if (changes.size() > MAX_SEAT_CHANGES) {
            throw new BookingException(ErrorCode.TOO_MANY_SEAT_CHANGES, Integer.toString(MAX_SEAT_CHANGES));
        }
        Set<SeatRef> seen = new HashSet<>();
        for (SeatChange change : changes) {
            if (!seen.add(change.seat())) {
                throw new BookingException(ErrorCode.DUPLICATE_SEAT, change.seat().toString());
            }
            if (change.grade() == null && change.price() == null && change.onSale() == null) {
                throw new BookingException(CommonError.MISSING_FIELD, "seats[].grade|price|on_sale");
            }
        }
    }

    private static String name(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new BookingException(CommonError.MISSING_FIELD, field);
        }
        if (value.length() > MAX_NAME_LENGTH || value.chars().anyMatch(Character::isISOControl)) {
            throw new BookingException(CommonError.INVALID_FIELD, field);
        }
        return value.strip();
    }
}
