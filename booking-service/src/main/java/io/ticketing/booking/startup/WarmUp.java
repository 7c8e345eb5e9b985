package io.ticketing.booking.startup;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.ticketing.booking.booking.BookingCommand;
import io.ticketing.booking.booking.BookingDetails;
import io.ticketing.booking.booking.BookingWriter;
import io.ticketing.booking.booking.CommitDeadlines;
import io.ticketing.booking.booking.Deadline;
import io.ticketing.booking.client.SeatLockClient;
import io.ticketing.booking.config.BookingConfig;
import io.ticketing.booking.error.BookingException;
import io.ticketing.booking.model.SeatRef;
import io.ticketing.booking.repository.BookedSeatRepository;
import io.ticketing.booking.repository.BookingRepository;
import io.ticketing.booking.repository.SeatRepository;
import io.ticketing.platform.CommonError;
import io.ticketing.platform.SelfRequests;
import io.ticketing.platform.WarmUpState;

/**
 * Runs the hot paths once the service has started and before readiness says UP, so that the first
 * burst of a sale meets compiled code and open connections instead of a cold JVM:
 * <ul>
 * <li>the booking transaction and every read a booking makes, on an event, schedule and seats of its
 * own, all inside one transaction that is rolled back, so nothing is ever stored (ids are negative,
 * which no request can name);</li>
 * <li>the REST client to seat-lock (its connections, fault tolerance, JSON and error mapping), with a
 * token seat-lock does not trust, so seat-lock answers 401 and changes nothing;</li>
 * <li>this service's own HTTP and JWT path ({@link SelfRequests}).</li>
 * </ul>
 * Bounded by {@code booking.warm-up.max-time}. A database that fails stops it (readiness says why);
 * a seat-lock that does not answer only ends the seat-lock part, after one call.
 */
@ApplicationScoped
class WarmUp {

    /** This service's own paths, each answered 401 for the warm-up's untrusted token: nothing is booked. */
    private static final List<SelfRequests.Call> SELF_REQUESTS = List.of(
            new SelfRequests.Call("/api/v1/tickets/bookings",
                    "{\"event_id\":1,\"schedule_id\":1,\"seats\":[{\"row\":\"1열\",\"number\":1}]}"),
            new SelfRequests.Call("/api/v1/tickets/schedules/1/seats", null),
            new SelfRequests.Call("/api/v1/tickets/bookings?page=0&size=20", null),
            new SelfRequests.Call("/q/health/live", null));

    private final BookingWriter writer;
    private final SeatRepository seats;
    private final BookingRepository bookings;
    private final BookedSeatRepository bookedSeats;
    private final SeatLockClient seatLock;
    private final EntityManager entityManager;
    private final BookingConfig config;
    private final SelfRequests http;
    private final WarmUpState state;

    WarmUp(BookingWriter writer, SeatRepository seats, BookingRepository bookings, BookedSeatRepository bookedSeats,
            SeatLockClient seatLock, EntityManager entityManager, BookingConfig config, SelfRequests http,
            WarmUpState state) {
        this.writer = writer;
        this.seats = seats;
        this.bookings = bookings;
        this.bookedSeats = bookedSeats;
        this.seatLock = seatLock;
        this.entityManager = entityManager;
        this.config = config;
        this.http = http;
        this.state = state;
    }

    void start(@Observes StartupEvent event) {
        state.start(config.warmUp().enabled(), this::run);
    }

    private void run() {
        long started = System.nanoTime();
        long deadline = started + config.warmUp().maxTime().toNanos();
        // Negative ids: request validation refuses them, so no request can ever see these rows.
        long id = -1 - ThreadLocalRandom.current().nextLong(1L << 40);
        int rounds = 0;
        int seatLockCalls = 0;
        boolean seatLockAnswers = true;
        String stoppedBy = null;
        try {
            while (System.nanoTime() < deadline) {
                int round = rounds;
                try {
                    QuarkusTransaction.requiringNew().run(() -> {
                        bookInRolledBackTransaction(id, round);
                        throw new RollBack();
                    });
                } catch (RollBack expected) {
                    // Thrown on purpose: everything the round wrote is gone.
                }
                if (seatLockAnswers) {
                    seatLockAnswers = callSeatLock();
                    seatLockCalls += 2;
                }
                if (rounds % 20 == 0) {
                    http.send(SELF_REQUESTS);
                }
                rounds++;
            }
        } catch (RuntimeException e) {
            stoppedBy = e.toString();
        } finally {
            Log.infof("Warm-up: %d rolled-back bookings (lock rows, check, insert, read back, cancel), %d calls to "
                    + "seat-lock%s, %d HTTP requests, in %d ms%s", rounds, seatLockCalls,
                    seatLockAnswers ? "" : " (then it did not answer)", http.sent(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis(),
                    stoppedBy == null ? "" : "; stopped early: " + stoppedBy);
        }
    }

    /** One booking as {@code BookingFlow} writes it, on rows that exist only in this transaction. */
    private void bookInRolledBackTransaction(long id, int round) {
        long eventId = id;
        long scheduleId = id;
        entityManager.createNativeQuery("INSERT INTO events (id, title, venue) VALUES (?1, 'warm-up', 'warm-up')")
                .setParameter(1, eventId).executeUpdate();
        entityManager.createNativeQuery("INSERT INTO schedules (id, event_id, starts_at, sales_open_at, sales_close_at) "
                + "VALUES (?1, ?2, ?3, ?4, ?3)")
                .setParameter(1, scheduleId).setParameter(2, eventId)
                .setParameter(3, OffsetDateTime.now().plusDays(1)).setParameter(4, OffsetDateTime.now().minusDays(1))
                .executeUpdate();
        entityManager.createNativeQuery("INSERT INTO seats (id, schedule_id, row_label, number, grade, price) "
                + "VALUES (?1, ?2, 'W', 1, 'R', 1000), (?1 - 1, ?2, 'W', 2, 'R', 1000)")
                .setParameter(1, id).setParameter(2, scheduleId).executeUpdate();

        String user = "warm-up";
        List<SeatRef> refs = List.of(new SeatRef("W", 1), new SeatRef("W", 2));
        seats.find(scheduleId, refs);
        seats.onSale(scheduleId);
        BookingCommand command = new BookingCommand(eventId, scheduleId, refs, null, "warm-up-" + round);
        bookings.findByIdempotencyKey(user, command.idempotencyKey());
        CommitDeadlines inTime = new CommitDeadlines(Deadline.in(Duration.ofMinutes(1)), Deadline.in(Duration.ofMinutes(1)));
        BookingDetails written = writer.write(user, command, round + 1L, inTime);
        bookedSeats.seatsOf(List.of(written.booking().id));
        bookings.pageOf(user, 0, 20);
        bookings.countOf(user);
        bookings.findOwned(written.booking().id, user);
        bookedSeats.activeInSchedule(scheduleId);
        writer.cancel(user, written.booking().id);
        try {
            writer.write(user, command, round + 1L, inTime);
        } catch (BookingException expected) {
            // A stale fencing token: the refusal path is warmed too.
        }
    }

    /** Ends a warm-up transaction the only way it may end: rolled back. */
    private static final class RollBack extends RuntimeException {
        RollBack() {
            super(null, null, false, false);
        }
    }

    /** Two calls seat-lock refuses with 401; false once seat-lock does not answer at all. */
    private boolean callSeatLock() {
        try {
            String bearer = http.bearer();
            expectUnauthenticated(() -> seatLock.held(bearer, 1));
            expectUnauthenticated(() -> seatLock.claim(bearer, 1, List.of(new SeatRef("W", 1)), null,
                    UUID.randomUUID().toString(), UUID.randomUUID().toString()));
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static void expectUnauthenticated(Runnable call) {
        try {
            call.run();
        } catch (BookingException e) {
            if (e.code() != CommonError.UNAUTHENTICATED) {
                throw e;
            }
        }
    }
}
