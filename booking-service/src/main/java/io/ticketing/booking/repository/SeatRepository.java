package io.ticketing.booking.repository;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

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

    /** The seats named, in the order named; those that do not exist are simply missing. */
    public List<Seat> find(long scheduleId, List<SeatRef> refs) {
        Set<String> rows = refs.stream().map(SeatRef::row).collect(Collectors.toSet());
        Set<Integer> numbers = refs.stream().map(SeatRef::number).collect(Collectors.toSet());
        List<Seat> candidates = list("scheduleId = ?1 and row in ?2 and number in ?3", scheduleId, rows, numbers);
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
