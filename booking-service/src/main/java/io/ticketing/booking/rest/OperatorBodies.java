package io.ticketing.booking.rest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import io.ticketing.booking.catalogue.SeatMapPlan;
import io.ticketing.booking.model.Event;
import io.ticketing.booking.model.Schedule;

/** Bodies of the operator API, snake_case on the wire. Request fields are boxed so that a missing one is null. */
final class OperatorBodies {

    private OperatorBodies() {
    }

    record EventRequest(String title, String venue) {
    }

    /** Creating: {@code starts_at} and {@code sales_open_at} required. Changing: null fields stay as they are. */
    record ScheduleRequest(OffsetDateTime startsAt, OffsetDateTime salesOpenAt, OffsetDateTime salesCloseAt) {
    }

    /** Either {@code sections}, or {@code copy_from_schedule_id}: another schedule's seat map. */
    record SeatMapRequest(List<SeatMapPlan.Section> sections, Long copyFromScheduleId) {
    }

    record SeatChangesRequest(List<SeatChangeRequest> seats) {
    }

    /** One seat's change: a new grade, a new price, or {@code on_sale} false to withdraw it (true to offer it again). */
    record SeatChangeRequest(String row, Integer number, String grade, Long price, Boolean onSale) {
    }

    record EventView(long eventId, String title, String venue) {
        static EventView of(Event event) {
            return new EventView(event.id, event.title, event.venue);
        }
    }

    record OperatorEventList(List<EventView> events) {
    }

    record OperatorEventDetails(long eventId, String title, String venue, List<ScheduleView> schedules) {
    }

    /** {@code published}: whether seat-lock already has this change (false: it gets it within seconds). */
    record ScheduleView(long scheduleId, long eventId, Instant startsAt, Instant salesOpenAt, Instant salesCloseAt, String sales,
            Boolean published) {
        static ScheduleView of(Schedule schedule, Boolean published) {
            Instant now = Instant.now();
            String sales = now.isBefore(schedule.salesOpenAt.toInstant()) ? "NOT_OPEN"
                    : now.isBefore(schedule.salesCloseAt.toInstant()) ? "OPEN" : "CLOSED";
            return new ScheduleView(schedule.id, schedule.eventId, schedule.startsAt.toInstant(), schedule.salesOpenAt.toInstant(),
                    schedule.salesCloseAt.toInstant(), sales, published);
        }
    }

    record SeatMapChanged(long scheduleId, int seats, boolean published) {
    }

    record SeatsChanged(long scheduleId, int changed, boolean published) {
    }
}
