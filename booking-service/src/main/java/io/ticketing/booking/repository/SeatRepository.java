package io.ticketing.booking.repository;

import java.util.List;
import java.util.StringJoiner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.ticketing.booking.model.Seat;
import io.ticketing.booking.model.SeatRef;

@ApplicationScoped
public class SeatRepository implements PanacheRepository<Seat> {

    /** In seat-map order ({@link Seat#DISPLAY_ORDER}). */
    public List<Seat> ofSchedule(long scheduleId) {
        return list("scheduleId", scheduleId).stream().sorted(Seat.DISPLAY_ORDER).toList();
    }

    /** The seats of the schedule on sale (not withdrawn), in display order: its seat map. */
    public List<Seat> onSale(long scheduleId) {
        return list("scheduleId = ?1 and onSale = true", scheduleId).stream().sorted(Seat.DISPLAY_ORDER).toList();
    }

    /** The seats named, in the order named; those that do not exist are simply missing. */
    @SuppressWarnings("unchecked")
    public List<Seat> find(long scheduleId, List<SeatRef> refs) {
        List<Seat> found = atPositions(scheduleId, refs, "").getResultList();
        return refs.stream().flatMap(ref -> found.stream().filter(seat -> seat.ref().equals(ref)).limit(1)).toList();
    }

    /**
     * Locks the named seats' rows with {@code SELECT ... FOR UPDATE}, found by position in the same
     * statement, in id order so that two bookings of overlapping seats always queue instead of
     * deadlocking. Seats that do not exist are simply missing. Waits at most the transaction's
     * {@code lock_timeout}.
     */
    @SuppressWarnings("unchecked")
    public List<Seat> lockAt(long scheduleId, List<SeatRef> refs) {
        return atPositions(scheduleId, refs, " ORDER BY id FOR UPDATE").getResultList();
    }

    /**
     * The seats at these positions: {@code (row_label, number) IN ((?, ?), ...)}, one statement per
     * number of seats. Plain equality on the unique position index lets PostgreSQL keep one generic
     * plan per statement; array parameters ({@code = ANY(?)}, {@code unnest(?)}) made it plan every
     * booking again, or keep a generic plan that scanned the whole schedule (pg_stat_statements).
     */
    private Query atPositions(long scheduleId, List<SeatRef> refs, String tail) {
        StringJoiner positions = new StringJoiner(", ", "(", ")");
        for (int i = 0; i < refs.size(); i++) {
            positions.add("(?" + (2 * i + 2) + ", ?" + (2 * i + 3) + ")");
        }
        Query query = getEntityManager().createNativeQuery(
                "SELECT * FROM seats WHERE schedule_id = ?1 AND (row_label, number) IN " + positions + tail, Seat.class)
                .setParameter(1, scheduleId);
        for (int i = 0; i < refs.size(); i++) {
            query.setParameter(2 * i + 2, refs.get(i).row()).setParameter(2 * i + 3, refs.get(i).number());
        }
        return query;
    }

    /** Bounds how long this transaction waits for a row lock (PostgreSQL {@code lock_timeout}). */
    public void setLockTimeout(long millis) {
        getEntityManager().createNativeQuery("SELECT set_config('lock_timeout', ?1, true)")
                .setParameter(1, millis + "ms").getSingleResult();
    }
}
