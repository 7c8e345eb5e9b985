package io.ticketing.booking.sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.ticketing.booking.client.SeatLockDtos.PublishAnswer;
import io.ticketing.booking.client.SeatLockDtos.PublishSeatMap;
import io.ticketing.booking.client.SeatLockDtos.SeatRow;
import io.ticketing.booking.client.SeatLockDtos.StagedSeats;
import io.ticketing.booking.client.SeatLockSyncClient;
import io.ticketing.booking.config.BookingConfig;
import io.ticketing.booking.error.BookingException;
import io.ticketing.booking.error.ErrorCode;

/**
 * Tells seat-lock a schedule's sale as this database has it: the sales window, the seats that may be
 * held, and the seats off sale (which seat-lock checks are in nobody's hands before it lets the map
 * leave them out). Each publication takes a new version in the transaction that reads what it sends
 * ({@link PublishedSeatMaps#snapshot}); seat-lock keeps only the newest, so publications racing each other
 * (an operator's change, another replica's start-up) end with the latest state. The seat map travels
 * in staged pages of at most {@value #SEATS_PER_PAGE} seats, then one call swaps it in whole.
 */
@ApplicationScoped
public class SeatMapPublisher {

    static final int SEATS_PER_PAGE = 5_000;
    /** seat-lock forgets a schedule's sale this long after its sales close. */
    static final Duration KEPT_AFTER_CLOSE = Duration.ofDays(1);

    private final PublishedSeatMaps rows;
    private final SeatLockSyncClient seatLock;

    SeatMapPublisher(PublishedSeatMaps rows, SeatLockSyncClient seatLock, BookingConfig config) {
        this.rows = rows;
        this.seatLock = seatLock;
    }

    /**
     * Publishes the schedule now. PUBLISHED or STALE (a newer publication got there first, which read
     * this one's changes too) mean seat-lock has it; SEATS_IN_USE names off-sale seats that someone
     * holds, claims or bought, and seat-lock keeps its older map. Throws when seat-lock cannot be reached.
     */
    public PublishAnswer publish(long scheduleId) {
        PublishedSeatMaps.Snapshot snapshot = QuarkusTransaction.requiringNew().call(() -> rows.snapshot(scheduleId));
        if (snapshot == null) {
            throw new BookingException(ErrorCode.SCHEDULE_NOT_FOUND, Long.toString(scheduleId));
        }
        List<SeatRow> onSale = new ArrayList<>();
        List<PublishedSeatMaps.SeatOnMap> offSale = new ArrayList<>();
        int staged = 0;
        String staging = null;
        List<PublishedSeatMaps.SeatOnMap> page = new ArrayList<>();
        for (PublishedSeatMaps.SeatOnMap seat : snapshot.seats()) {
            if (!seat.onSale()) {
                offSale.add(seat);
                continue;
            }
            page.add(seat);
            if (page.size() == SEATS_PER_PAGE) {
                staging = staging == null ? UUID.randomUUID().toString() : staging;
                staged += stage(scheduleId, staging, page);
                page.clear();
            }
        }
        if (!page.isEmpty()) {
            staging = staging == null ? UUID.randomUUID().toString() : staging;
            staged += stage(scheduleId, staging, page);
        }
        PublishAnswer answer = seatLock.publish(new PublishSeatMap(scheduleId, snapshot.version(), snapshot.salesOpenAt(),
                snapshot.salesCloseAt(), snapshot.salesCloseAt().plus(KEPT_AFTER_CLOSE), staging, staged, rowsOf(offSale)));
        Log.infof("Published schedule %d to seat-lock (version %d, %d seats on sale, %d off sale): %s", scheduleId,
                snapshot.version(), staged, offSale.size(), answer.outcome());
        return answer;
    }

    private int stage(long scheduleId, String staging, List<PublishedSeatMaps.SeatOnMap> seats) {
        return seatLock.stage(new StagedSeats(scheduleId, staging, rowsOf(seats)));
    }

    private static List<SeatRow> rowsOf(List<PublishedSeatMaps.SeatOnMap> seats) {
        Map<String, List<Integer>> byRow = new LinkedHashMap<>();
        seats.forEach(seat -> byRow.computeIfAbsent(seat.row(), row -> new ArrayList<>()).add(seat.number()));
        return byRow.entrySet().stream().map(row -> new SeatRow(row.getKey(), row.getValue())).toList();
    }
}
