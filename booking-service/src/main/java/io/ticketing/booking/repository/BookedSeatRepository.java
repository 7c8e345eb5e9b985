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
     * Adds {@code seats} to the user's booked seats of the schedule, unless that would make more than
     * {@code limit}; false then, and nothing changed. One statement on one row per user and schedule:
     * its row lock makes two bookings of one user take turns, and the second sees the first's count.
     */
    public boolean countAgainstLimit(String userId, long scheduleId, int seats, int limit) {
        if (seats > limit) {
            return false;
        }
        List<?> raised = getEntityManager().createNativeQuery("INSERT INTO user_schedule_seats AS u (user_id, schedule_id, seats) "
                + "VALUES (?1, ?2, ?3) ON CONFLICT (user_id, schedule_id) DO UPDATE SET seats = u.seats + EXCLUDED.seats "
                + "WHERE u.seats + EXCLUDED.seats <= ?4 RETURNING u.seats").setParameter(1, userId).setParameter(2, scheduleId)
                .setParameter(3, seats).setParameter(4, limit).getResultList();
        return !raised.isEmpty();
    }

    /** A cancelled booking's seats no longer count against the user's limit. */
    public void uncount(String userId, long scheduleId, int seats) {
        getEntityManager().createNativeQuery("UPDATE user_schedule_seats SET seats = greatest(0, seats - ?3) "
                + "WHERE user_id = ?1 AND schedule_id = ?2").setParameter(1, userId).setParameter(2, scheduleId)
                .setParameter(3, seats).executeUpdate();
    }

    public int deactivate(long bookingId) {
        return update("active = false where bookingId = ?1 and active = true", bookingId);
    }
}
