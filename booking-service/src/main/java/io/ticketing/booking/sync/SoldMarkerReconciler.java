package io.ticketing.booking.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.ticketing.booking.client.SeatLockDtos.Rebuild;
import io.ticketing.booking.client.SeatLockDtos.SoldBooking;
import io.ticketing.booking.client.SeatLockDtos.SoldSeatsAnswer;
import io.ticketing.booking.client.SeatLockDtos.SoldSeatsRequest;
import io.ticketing.booking.client.SeatLockSyncClient;
import io.ticketing.booking.config.BookingConfig;
import io.ticketing.booking.model.Schedule;
import io.ticketing.booking.model.SeatRef;
import io.ticketing.booking.sync.SoldSeatsReader.Settled;
import io.ticketing.booking.sync.SoldSeatsReader.SoldSeat;
import io.ticketing.booking.sync.SoldSeatsReader.StartingSchedule;

/**
 * Keeps seat-lock's sold markers in step with this database, on its own, every
 * {@code booking.sold-markers.check-every}. The markers let seat-lock refuse a sold seat at once;
 * the database stays the guarantee either way, but without them a sold seat can be held (and its
 * holder only learns at booking time). They go missing two ways:
 * <ul>
 * <li>Redis restarted empty, or a cluster master was replaced: seat-lock says which schedules have no
 * complete set of markers, and each is rebuilt whole from the database, in pages under a lease
 * (another replica's rebuild of the same schedule waits; a Redis that loses its data mid-way makes
 * the rebuild start over, never end half-done but marked complete).</li>
 * <li>A booking-service died between its commit and its confirm: every booking is sent once more
 * when it has settled ({@code booking.sold-markers.settle} after it was made), while its claim still
 * guards the seats, so the seat never shows free. Marking a seat already marked changes nothing.</li>
 * </ul>
 * Both are idempotent, so every replica runs them; both are bounded (1,000 schedules a round, pages
 * of at most 200 seats). A cancelled booking is never marked again: seat-lock remembers the
 * cancellation.
 */
@ApplicationScoped
class SoldMarkerReconciler {

    static final int MAX_SCHEDULES = 1_000;
    /** A page stays under seat-lock's body limit (16 KB) and is one short Lua script there. */
    static final int SEATS_PER_PAGE = 200;
    static final int BYTES_PER_PAGE = 12_000;
    static final int BOOKINGS_PER_ROUND = 2_000;

    private final SoldSeatsReader sold;
    private final SeatLockSyncClient seatLock;
    private final BookingConfig.SoldMarkers config;
    /** The last booking id sent again: every booking after it is still to be looked at once. */
    private long sentUpTo = -1;

    SoldMarkerReconciler(SoldSeatsReader sold, SeatLockSyncClient seatLock, BookingConfig config) {
        this.sold = sold;
        this.seatLock = seatLock;
        this.config = config.soldMarkers();
    }

    @Scheduled(identity = "sold-markers", every = "${booking.sold-markers.check-every:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            reconcile();
        } catch (RuntimeException e) {
            // seat-lock or the database is down: the next round tries again.
            Log.warnf("Sold-marker reconciliation did not finish (next round tries again): %s", e.toString());
        }
    }

    /** One round: rebuilds the schedules seat-lock lost, then sends the bookings settled since the last round. */
    public synchronized void reconcile() {
        rebuildIncomplete();
        sendSettled();
    }

    private void rebuildIncomplete() {
        Instant now = Instant.now();
        List<StartingSchedule> schedules = sold.startingAfter(now.minus(Schedule.SOLD_MARKERS_AFTER_START), MAX_SCHEDULES);
        if (schedules.isEmpty()) {
            return;
        }
        List<Long> incomplete = seatLock.incomplete(schedules.stream().map(StartingSchedule::id).toList());
        for (StartingSchedule schedule : schedules) {
            if (incomplete.contains(schedule.id())) {
                rebuild(schedule);
            }
        }
    }

    private void rebuild(StartingSchedule schedule) {
        long started = System.nanoTime();
        String lease = UUID.randomUUID().toString();
        Instant soldUntil = schedule.startsAt().plus(Schedule.SOLD_MARKERS_AFTER_START);
        int[] marked = { 0 };
        int[] bookings = { 0 };
        boolean[] first = { true };
        boolean[] refused = { false };
        Pager pager = new Pager(page -> {
            if (refused[0]) {
                return;
            }
            SoldSeatsAnswer answer = seatLock.restoreSold(new SoldSeatsRequest(schedule.id(), soldUntil,
                    new Rebuild(lease, first[0], false), page));
            first[0] = false;
            refused[0] = answer.refused() != null;
            marked[0] += answer.marked();
            bookings[0] += page.size();
        });
        // Read first, then send: no call to seat-lock while a database connection is held.
        List<SoldSeat> seats = new ArrayList<>();
        sold.forEachSoldSeat(schedule.id(), seats::add);
        seats.forEach(pager::add);
        pager.flush();
        if (refused[0]) {
            Log.infof("Rebuild of schedule %d's sold markers stopped (another replica rebuilds it, or Redis lost "
                    + "its data again); the next round looks again", schedule.id());
            return;
        }
        // The last page, empty, marks the schedule complete: only if the lease held from the first page on.
        SoldSeatsAnswer last = seatLock.restoreSold(new SoldSeatsRequest(schedule.id(), soldUntil,
                new Rebuild(lease, first[0], true), List.of()));
        if (last.refused() == null) {
            Log.infof("Rebuilt the sold markers of schedule %d in seat-lock: %d bookings, %d seats marked anew, in %d ms",
                    schedule.id(), bookings[0], marked[0], (System.nanoTime() - started) / 1_000_000);
        }
    }

    private void sendSettled() {
        Instant settledBefore = Instant.now().minus(config.settle());
        if (sentUpTo < 0) {
            sentUpTo = sold.lastBookingBefore(settledBefore.minus(config.lookBack()));
        }
        Settled settled = sold.settledAfter(sentUpTo, settledBefore, BOOKINGS_PER_ROUND);
        Map<Long, Pager> bySchedule = new LinkedHashMap<>();
        int[] marked = { 0 };
        List<SoldSeat> seats = new ArrayList<>();
        sold.forEachSoldSeatOf(settled.bookingIds(), seats::add);
        seats.forEach(seat -> bySchedule.computeIfAbsent(seat.scheduleId(), id -> new Pager(
                page -> marked[0] += seatLock.restoreSold(new SoldSeatsRequest(id,
                        seat.startsAt().plus(Schedule.SOLD_MARKERS_AFTER_START), null, page)).marked()))
                .add(seat));
        bySchedule.values().forEach(Pager::flush);
        sentUpTo = settled.nextAfter();
        if (marked[0] > 0) {
            Log.warnf("%d seats of bookings made before %s were not marked sold in seat-lock (a confirm that never "
                    + "arrived): marked now", marked[0], settledBefore);
        }
    }

    /** Gathers sold seats, a booking's seats together, into pages of at most SEATS_PER_PAGE seats and about BYTES_PER_PAGE bytes. */
    private static final class Pager {

        private final Consumer<List<SoldBooking>> send;
        private final List<SoldBooking> page = new ArrayList<>();
        private int seatsInPage;
        private int bytesInPage;
        private SoldSeat current;
        private List<SeatRef> currentSeats;

        Pager(Consumer<List<SoldBooking>> send) {
            this.send = send;
        }

        void add(SoldSeat seat) {
            if (current == null || current.bookingId() != seat.bookingId()) {
                close();
                current = seat;
                currentSeats = new ArrayList<>();
            }
            currentSeats.add(new SeatRef(seat.row(), seat.number()));
        }

        void flush() {
            close();
            if (!page.isEmpty()) {
                send.accept(List.copyOf(page));
                page.clear();
                seatsInPage = 0;
                bytesInPage = 0;
            }
        }

        private void close() {
            if (current == null) {
                return;
            }
            // JSON of a booking: about 60 bytes, its user id, and about 40 per seat.
            int bytes = 60 + current.userId().length() + 40 * currentSeats.size();
            if ((seatsInPage + currentSeats.size() > SEATS_PER_PAGE || bytesInPage + bytes > BYTES_PER_PAGE) && !page.isEmpty()) {
                send.accept(List.copyOf(page));
                page.clear();
                seatsInPage = 0;
                bytesInPage = 0;
            }
            page.add(new SoldBooking(current.bookingId(), current.userId(), List.copyOf(currentSeats)));
            seatsInPage += currentSeats.size();
            bytesInPage += bytes;
            current = null;
        }
    }
}
