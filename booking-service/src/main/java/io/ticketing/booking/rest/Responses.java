package io.ticketing.booking.rest;

import java.time.OffsetDateTime;
import java.util.List;

import io.ticketing.booking.booking.BookingDetails;
import io.ticketing.booking.catalogue.CatalogueReads.EventWithSchedules;
import io.ticketing.booking.catalogue.SeatMapService.SeatMap;
import io.ticketing.booking.model.Event;
import io.ticketing.booking.model.Schedule;
import io.ticketing.booking.model.Seat;

/** Response bodies, snake_case on the wire. */
final class Responses {

    private Responses() {
    }

    record EventSummary(long eventId, String title, String venue) {
        static EventSummary of(Event event) {
            return new EventSummary(event.id, event.title, event.venue);
        }
    }

    record EventSummaries(List<EventSummary> events) {
    }

    record ScheduleSummary(long scheduleId, OffsetDateTime startsAt, OffsetDateTime salesOpenAt, OffsetDateTime salesCloseAt) {
        static ScheduleSummary of(Schedule schedule) {
            return new ScheduleSummary(schedule.id, schedule.startsAt, schedule.salesOpenAt, schedule.salesCloseAt);
        }
    }

    record EventDetails(long eventId, String title, String venue, List<ScheduleSummary> schedules) {
        static EventDetails of(EventWithSchedules found) {
            return new EventDetails(found.event().id, found.event().title, found.event().venue,
                    found.schedules().stream().map(ScheduleSummary::of).toList());
        }
    }

    record SeatView(String row, int number, String grade, long price, String status) {
    }

    record SeatMapView(long scheduleId, List<SeatView> seats, boolean holdsKnown) {
        static SeatMapView of(SeatMap map) {
            return new SeatMapView(map.scheduleId(), map.seats().stream().map(s -> new SeatView(s.seat().row,
                    s.seat().number, s.seat().grade, s.seat().price, s.status())).toList(), map.holdsKnown());
        }
    }

    record BookedSeatView(String row, int number, String grade, long price) {
        static BookedSeatView of(Seat seat) {
            return new BookedSeatView(seat.row, seat.number, seat.grade, seat.price);
        }
    }

    record BookingView(long bookingId, String status, long scheduleId, List<BookedSeatView> seats, long totalPrice,
            OffsetDateTime createdAt, OffsetDateTime cancelledAt) {
        static BookingView of(BookingDetails details) {
            return new BookingView(details.booking().id, details.booking().status.name(), details.booking().scheduleId,
                    details.seats().stream().map(BookedSeatView::of).toList(),
                    details.seats().stream().mapToLong(seat -> seat.price).sum(),
                    details.booking().createdAt, details.booking().cancelledAt);
        }
    }

    record BookingPage(List<BookingView> bookings, int page, int size, long total) {
    }
}
