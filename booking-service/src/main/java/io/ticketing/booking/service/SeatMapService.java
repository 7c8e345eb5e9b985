package io.ticketing.booking.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.ticketing.booking.client.SeatLockClient;
import io.ticketing.booking.client.SeatLockDtos.HeldSeat;
import io.ticketing.booking.error.BookingException;
import io.ticketing.booking.error.ErrorCode;
import io.ticketing.booking.model.Seat;
import io.ticketing.booking.model.SeatRef;
import io.ticketing.booking.repository.BookedSeatRepository;
import io.ticketing.booking.repository.ScheduleRepository;
import io.ticketing.booking.repository.SeatRepository;

/** The seat map of a schedule: the database's seats and sales, plus the live holds from seat-lock. */
@ApplicationScoped
public class SeatMapService {

    public record SeatStatus(Seat seat, String status) {
    }

    /** {@code holdsKnown} is false when seat-lock did not answer: then only sales are shown. */
    public record SeatMap(long scheduleId, List<SeatStatus> seats, boolean holdsKnown) {
    }

    private final ScheduleRepository schedules;
    private final SeatRepository seats;
    private final BookedSeatRepository bookedSeats;
    private final SeatLockClient seatLock;

    SeatMapService(ScheduleRepository schedules, SeatRepository seats, BookedSeatRepository bookedSeats,
            SeatLockClient seatLock) {
        this.schedules = schedules;
        this.seats = seats;
        this.bookedSeats = bookedSeats;
        this.seatLock = seatLock;
    }

    public SeatMap seatMap(Caller caller, long scheduleId) {
        if (schedules.findByIdOptional(scheduleId).isEmpty()) {
            throw new BookingException(ErrorCode.SCHEDULE_NOT_FOUND, Long.toString(scheduleId));
        }
        List<Seat> all = seats.ofSchedule(scheduleId);
        Set<Long> sold = Set.copyOf(bookedSeats.activeInSchedule(scheduleId));
        Map<SeatRef, String> holds = new HashMap<>();
        boolean holdsKnown = true;
        try {
            for (HeldSeat held : seatLock.held(caller.bearer(), scheduleId)) {
                holds.put(new SeatRef(held.row(), held.number()), held.status());
            }
        } catch (RuntimeException e) {
            // A seat map without live holds is still useful; booking itself never skips the hold check.
            Log.warnf("Seat map of schedule %d without live holds: %s", scheduleId, e.toString());
            holdsKnown = false;
        }
        List<SeatStatus> statuses = all.stream().map(seat -> new SeatStatus(seat,
                sold.contains(seat.id) ? "BOOKED" : holds.getOrDefault(seat.ref(), "AVAILABLE"))).toList();
        return new SeatMap(scheduleId, statuses, holdsKnown);
    }
}
