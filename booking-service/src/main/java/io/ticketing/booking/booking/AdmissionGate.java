package io.ticketing.booking.booking;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.ticketing.booking.config.BookingConfig;
import io.ticketing.booking.error.BookingException;
import io.ticketing.booking.error.ErrorCode;

/**
 * Lets at most {@code booking.max-concurrent-bookings} bookings run at once; the others queue.
 * Waiting here costs nothing downstream: no claim is made and no row is locked until a booking is
 * let in, so its seat-lock deadline and its transaction only start once it has room to finish. A
 * booking waits at most {@code booking.admission-timeout}, and never past the moment by which it
 * must be let in to finish before its request's deadline.
 */
@ApplicationScoped
class AdmissionGate {

    private final Semaphore permits;
    private final long waitMillis;

    AdmissionGate(BookingConfig config) {
        this.permits = new Semaphore(config.maxConcurrentBookings(), true);
        this.waitMillis = config.admissionTimeout().toMillis();
    }

    <T> T admit(Deadline letInBy, Supplier<T> work) {
        boolean admitted;
        try {
            long wait = Math.min(waitMillis, letInBy.remaining().toMillis());
            admitted = wait > 0 && permits.tryAcquire(wait, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BookingException(ErrorCode.BOOKING_BUSY);
        }
        if (!admitted) {
            throw new BookingException(ErrorCode.BOOKING_BUSY);
        }
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }
}
