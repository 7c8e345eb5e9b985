package io.ticketing.booking.catalogue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.ticketing.booking.booking.Caller;
import io.ticketing.booking.client.SeatLockClient;
import io.ticketing.booking.client.SeatLockDtos.HeldSeat;
import io.ticketing.booking.config.BookingConfig;
import io.ticketing.booking.error.BookingException;
import io.ticketing.booking.error.ErrorCode;
import io.ticketing.booking.model.Seat;
import io.ticketing.booking.model.SeatRef;
import io.ticketing.booking.repository.BookedSeatRepository;
import io.ticketing.booking.repository.ScheduleRepository;
import io.ticketing.booking.repository.SeatRepository;

/**
 * The seat map of a schedule: the database's seats and sales, plus the live holds from seat-lock.
 * The seats and sales are shared by every reader of a schedule for {@code booking.seat-map-max-age}
 * (a quarter of a second): a hall of thousands of seats read by every watching page would otherwise
 * cost the database and this service a full read per page per poll. A seat map is a picture; a
 * booking never reads it.
 */
@ApplicationScoped
public class SeatMapService {

    public record SeatStatus(Seat seat, String status) {
    }

    /** {@code holdsKnown} is false when seat-lock did not answer: then only sales are shown. */
    public record SeatMap(long scheduleId, List<SeatStatus> seats, boolean holdsKnown) {
    }

    /** A schedule's seats and which of them are sold, as read at {@code takenAtNanos}. */
    private record Sales(long takenAtNanos, List<Seat> seats, Set<Long> sold) {
    }

    private final ScheduleRepository schedules;
    private final SeatRepository seats;
    private final BookedSeatRepository bookedSeats;
    private final SeatLockClient seatLock;
    private final long maxAgeNanos;
    private final Map<Long, Sales> recent = new ConcurrentHashMap<>();

    SeatMapService(ScheduleRepository schedules, SeatRepository seats, BookedSeatRepository bookedSeats,
            SeatLockClient seatLock, BookingConfig config) {
        this.maxAgeNanos = config.seatMapMaxAge().toNanos();
        this.schedules = schedules;
        this.seats = seats;
        this.bookedSeats = bookedSeats;
        this.seatLock = seatLock;
    }

    public SeatMap seatMap(Caller caller, long scheduleId) {
        Sales sales = sales(scheduleId);
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
        List<SeatStatus> statuses = sales.seats().stream().map(seat -> new SeatStatus(seat,
                sales.sold().contains(seat.id) ? "BOOKED" : holds.getOrDefault(seat.ref(), "AVAILABLE"))).toList();
        return new SeatMap(scheduleId, statuses, holdsKnown);
    }

    /** The schedule's seats and sales, read now or by a reader less than the seat map's age ago. */
    private Sales sales(long scheduleId) {
        if (maxAgeNanos <= 0) {
            return read(scheduleId, System.nanoTime());
        }
        long now = System.nanoTime();
        // One reader reads, the others of the same schedule wait for its read instead of making their own.
        Sales sales = recent.compute(scheduleId, (id, old) -> old != null && now - old.takenAtNanos() < maxAgeNanos ? old
                : read(id, now));
        if (recent.size() > 1_000) {
            recent.values().removeIf(old -> now - old.takenAtNanos() >= maxAgeNanos);
        }
        return sales;
    }

    private Sales read(long scheduleId, long now) {
        if (schedules.findByIdOptional(scheduleId).isEmpty()) {
            throw new BookingException(ErrorCode.SCHEDULE_NOT_FOUND, Long.toString(scheduleId));
        }
        return new Sales(now, seats.onSale(scheduleId), Set.copyOf(bookedSeats.activeInSchedule(scheduleId)));
    }
}
