package io.ticketing.booking.repository;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.ticketing.booking.model.BookedSeat;
import io.ticketing.booking.model.Seat;

@ApplicationScoped
public class BookedSeatRepository implements PanacheRepository<BookedSeat> {

    /** Which of these seats an active booking already holds. */
    public List<Long> activeAmong(Collection<Long> seatIds) {
        return getEntityManager().createQuery("select b.seatId from BookedSeat b where b.seatId in ?1 and b.active = true",
                Long.class).setParameter(1, seatIds).getResultList();
    }

    /** Every seat of a schedule that an active booking holds. */
    public List<Long> activeInSchedule(long scheduleId) {
        return getEntityManager().createQuery(
                "select b.seatId from BookedSeat b, Seat s where b.seatId = s.id and s.scheduleId = ?1 and b.active = true",
                Long.class).setParameter(1, scheduleId).getResultList();
    }

    /** The seats of each booking, by booking id, in seat-map order ({@link Seat#DISPLAY_ORDER}). */
    public Map<Long, List<Seat>> seatsOf(Collection<Long> bookingIds) {
        if (bookingIds.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = getEntityManager().createQuery(
                "select b.bookingId, s from BookedSeat b, Seat s where b.seatId = s.id and b.bookingId in ?1", Object[].class)
                .setParameter(1, bookingIds).getResultList();
        return rows.stream().collect(Collectors.groupingBy(row -> (Long) row[0], Collectors.mapping(row -> (Seat) row[1],
                Collectors.collectingAndThen(Collectors.toList(), seats -> seats.stream().sorted(Seat.DISPLAY_ORDER).toList()))));
    }

    /**
     * How many seats of the schedule the user has booked (actively), counted at most up to
     * {@code atMost}, after waiting for the user's other bookings of the schedule in flight: a
     * transaction-scoped advisory lock per user and schedule, so that two bookings of one user
     * cannot both count before either wrote. Taken after the seat rows, so it never waits for them.
     * Two statements: under READ COMMITTED a statement reads what was committed when it began, so
     * a count in the statement that waited for the lock would miss what the lock holder committed.
     */
    public long activeOfUserSerialized(String userId, long scheduleId, int atMost) {
        getEntityManager().createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended(?1 || '/' || ?2, 0))) l")
                .setParameter(1, userId).setParameter(2, scheduleId).getSingleResult();
        Object count = getEntityManager().createNativeQuery("SELECT count(*) FROM (SELECT 1 FROM bookings b "
                + "JOIN booked_seats bs ON bs.booking_id = b.id WHERE b.user_id = ?1 AND b.schedule_id = ?2 AND bs.active "
                + "LIMIT ?3) counted").setParameter(1, userId).setParameter(2, scheduleId).setParameter(3, atMost)
                .getSingleResult();
        return ((Number) count).longValue();
    }

    public int deactivate(long bookingId) {
        return update("active = false where bookingId = ?1 and active = true", bookingId);
    }
}
