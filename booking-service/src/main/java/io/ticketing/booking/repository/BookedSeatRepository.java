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

    public int deactivate(long bookingId) {
        return update("active = false where bookingId = ?1 and active = true", bookingId);
    }
}
