package io.ticketing.booking.catalogue;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.panache.common.Sort;
import io.ticketing.booking.error.BookingException;
import io.ticketing.booking.error.ErrorCode;
import io.ticketing.booking.model.Event;
import io.ticketing.booking.model.Schedule;
import io.ticketing.booking.repository.EventRepository;
import io.ticketing.booking.repository.ScheduleRepository;

/** Events and their schedules, read-only: what fans and operators read (the changes are {@link Catalogue}'s). */
@ApplicationScoped
public class CatalogueReads {

    public record EventWithSchedules(Event event, List<Schedule> schedules) {
    }

    private final EventRepository events;
    private final ScheduleRepository schedules;

    CatalogueReads(EventRepository events, ScheduleRepository schedules) {
        this.events = events;
        this.schedules = schedules;
    }

    public List<Event> all() {
        return events.listAll(Sort.by("id"));
    }

    public EventWithSchedules get(long eventId) {
        Event event = events.findByIdOptional(eventId)
                .orElseThrow(() -> new BookingException(ErrorCode.EVENT_NOT_FOUND, Long.toString(eventId)));
        return new EventWithSchedules(event, schedules.ofEvent(eventId));
    }
}
