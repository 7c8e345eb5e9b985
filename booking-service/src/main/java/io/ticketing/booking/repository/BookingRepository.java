package io.ticketing.booking.repository;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.ticketing.booking.model.Booking;

@ApplicationScoped
public class BookingRepository implements PanacheRepository<Booking> {

    /** The user's booking, or empty: another user's booking is as good as absent. */
    public Optional<Booking> findOwned(long bookingId, String userId) {
        return find("id = ?1 and userId = ?2", bookingId, userId).firstResultOptional();
    }

    public Optional<Booking> findOwnedForUpdate(long bookingId, String userId) {
        return find("id = ?1 and userId = ?2", bookingId, userId).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    public Optional<Booking> findByIdempotencyKey(String userId, String idempotencyKey) {
        return find("userId = ?1 and idempotencyKey = ?2", userId, idempotencyKey).firstResultOptional();
    }

    /** The user's booking of the schedule written under this fencing token (a claim books once). */
    public Optional<Booking> findCommitted(String userId, long scheduleId, long fencingToken) {
        return find("userId = ?1 and scheduleId = ?2 and fencingToken = ?3", userId, scheduleId, fencingToken)
                .firstResultOptional();
    }

    public List<Booking> pageOf(String userId, int page, int size) {
        return find("userId", Sort.descending("id"), userId).page(Page.of(page, size)).list();
    }

    public long countOf(String userId) {
        return count("userId", userId);
    }
}
