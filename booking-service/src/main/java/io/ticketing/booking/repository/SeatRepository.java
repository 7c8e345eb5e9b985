package io.ticketing.booking.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.ticketing.booking.model.Seat;
import io.ticketing.booking.model.SeatRef;

@ApplicationScoped
public class SeatRepository implements PanacheRepository<Seat> {

    /** In seat-map order ({@link Seat#DISPLAY_ORDER}). */
    public List<Seat> ofSchedule(long scheduleId) {
        return list("scheduleId", scheduleId).stream().sorted(Seat.DISPLAY_ORDER).toList();
    }

    /**
     * The seats named, in the order named; those that do not exist are simply missing. Native SQL
     * with array parameters: the statement is the same for any number of seats, so neither
     * Hibernate nor PostgreSQL plans it again per booking.
     */
    @SuppressWarnings("unchecked")
    public List<Seat> find(long scheduleId, List<SeatRef> refs) {
        List<Seat> candidates = getEntityManager()
                .createNativeQuery("SELECT * FROM seats WHERE schedule_id = ?1 AND row_label = ANY(?2) AND number = ANY(?3)",
                        Seat.class)
                .setParameter(1, scheduleId)
                .setParameter(2, refs.stream().map(SeatRef::row).distinct().toArray(String[]::new))
                .setParameter(3, refs.stream().map(SeatRef::number).distinct().toArray(Integer[]::new))
                .getResultList();
        return refs.stream()
                .flatMap(ref -> candidates.stream().filter(seat -> seat.ref().equals(ref)).limit(1))
                .toList();
    }

    /**
     * Locks the seat rows with {@code SELECT ... FOR UPDATE}, in id order so that two bookings of
     * overlapping seats always queue instead of deadlocking. Waits at most the transaction's
     * {@code lock_timeout}.
     */
    @SuppressWarnings("unchecked")
    public List<Seat> lockForUpdate(List<Long> seatIds) {
        return getEntityManager()
                .createNativeQuery("SELECT * FROM seats WHERE id = ANY(?1) ORDER BY id FOR UPDATE", Seat.class)
                .setParameter(1, seatIds.toArray(Long[]::new))
                .getResultList();
    }

    /** Bounds how long this transaction waits for a row lock (PostgreSQL {@code lock_timeout}). */
    public void setLockTimeout(long millis) {
        getEntityManager().createNativeQuery("SELECT set_config('lock_timeout', ?1, true)")
                .setParameter(1, millis + "ms").getSingleResult();
    }
}
