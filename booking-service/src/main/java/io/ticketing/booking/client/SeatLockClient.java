package io.ticketing.booking.client;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.ticketing.booking.client.SeatLockDtos.AbortRequest;
import io.ticketing.booking.client.SeatLockDtos.CancelRequest;
import io.ticketing.booking.client.SeatLockDtos.Claim;
import io.ticketing.booking.client.SeatLockDtos.ClaimRequest;
import io.ticketing.booking.client.SeatLockDtos.ConfirmRequest;
import io.ticketing.booking.client.SeatLockDtos.HeldSeat;
import io.ticketing.booking.config.BookingConfig;
import io.ticketing.booking.error.BookingException;
import io.ticketing.booking.model.SeatRef;

/**
 * seat-lock-service with fault tolerance. Every call gives up within about a second: claim and
 * confirm, on every booking's path, by the client's own timeouts alone (connect 0.3 s, read 0.8 s);
 * a fault-tolerance {@code @Timeout} on a blocking call costs a timer task and a watcher per call,
 * about an eighth of booking-service's CPU per booking when measured. The rarer calls keep
 * {@code @Timeout} as well. A run of failures opens the circuit so that callers get 503 at once
 * instead of waiting. Domain answers ({@link BookingException}) neither trip the breaker nor are retried.
 * Only calls that are safe to repeat are retried: claim carries its own claim token, so a repeat
 * returns the same claim, and confirm, abort and cancel change nothing the second time.
 */
@ApplicationScoped
public class SeatLockClient {

    private final SeatLockApi api;
    private final String serviceKey;

    SeatLockClient(@RestClient SeatLockApi api, BookingConfig config) {
        this.api = api;
        this.serviceKey = config.seatLockServiceKey().orElse("");
    }

    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 2, delayUnit = ChronoUnit.SECONDS,
            skipOn = BookingException.class)
    public Claim claim(String bearer, long scheduleId, List<SeatRef> seats, String lockToken, String claimToken, String attempt) {
        return api.claim(bearer, serviceKey, new ClaimRequest(scheduleId, seats, lockToken, claimToken, attempt));
    }

    /**
     * One try, inside the request's deadline (the caller waits for it, at most the client's timeouts). Should it fail, the booking is
     * stored all the same, and {@link #confirmLater} keeps trying without holding up the answer.
     */
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 2, delayUnit = ChronoUnit.SECONDS,
            skipOn = BookingException.class)
    public void confirm(String bearer, long scheduleId, String claimToken, long bookingId, List<SeatRef> seats,
            Instant soldUntil) {
        api.confirm(bearer, serviceKey, new ConfirmRequest(scheduleId, claimToken, bookingId, seats, soldUntil));
    }

    /** The confirm again, in the background, after a first try failed: safe to repeat. */
    @Asynchronous
    @Timeout(value = 900, unit = ChronoUnit.MILLIS)
    @Retry(maxRetries = 4, delay = 500, jitter = 200, delayUnit = ChronoUnit.MILLIS, abortOn = BookingException.class)
    public CompletionStage<Void> confirmLater(String bearer, long scheduleId, String claimToken, long bookingId,
            List<SeatRef> seats, Instant soldUntil) {
        api.confirm(bearer, serviceKey, new ConfirmRequest(scheduleId, claimToken, bookingId, seats, soldUntil));
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Runs in the background: the user's answer (a conflict, a 503) does not wait for the claim to be
     * given back. A claim that is never given back expires by itself after {@code seat-lock.claim-ttl}.
     */
    @Asynchronous
    @Timeout(value = 900, unit = ChronoUnit.MILLIS)
    @Retry(maxRetries = 2, delay = 100, delayUnit = ChronoUnit.MILLIS, abortOn = BookingException.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 2, delayUnit = ChronoUnit.SECONDS,
            skipOn = BookingException.class)
    public CompletionStage<Void> abort(String bearer, long scheduleId, String claimToken, String attempt) {
        api.abort(bearer, serviceKey, new AbortRequest(scheduleId, claimToken, attempt));
        return CompletableFuture.completedFuture(null);
    }

    @Timeout(value = 900, unit = ChronoUnit.MILLIS)
    @Retry(maxRetries = 2, delay = 100, delayUnit = ChronoUnit.MILLIS, abortOn = BookingException.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 2, delayUnit = ChronoUnit.SECONDS,
            skipOn = BookingException.class)
    public void cancel(String bearer, long scheduleId, long bookingId, List<SeatRef> seats) {
        api.cancel(bearer, serviceKey, new CancelRequest(scheduleId, bookingId, seats));
    }

    @Timeout(value = 900, unit = ChronoUnit.MILLIS)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 2, delayUnit = ChronoUnit.SECONDS,
            skipOn = BookingException.class)
    public List<HeldSeat> held(String bearer, long scheduleId) {
        return api.held(bearer, scheduleId).seats();
    }
}
