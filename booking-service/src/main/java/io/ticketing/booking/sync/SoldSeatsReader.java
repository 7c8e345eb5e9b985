package io.ticketing.booking.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

/**
 * What the database has sold, read for the reconciliation of seat-lock's sold markers: plain JDBC,
 * read-only, outside any booking transaction, streamed so that a hall of 50,000 sold seats does not
 * sit in memory at once.
 */
@ApplicationScoped
class SoldSeatsReader {

    /** One active sold seat, with its booking and the show it belongs to. */
    record SoldSeat(long bookingId, String userId, long scheduleId, Instant startsAt, String row, int number) {
    }

    record StartingSchedule(long id, Instant startsAt) {
    }

    /** Booking ids after a point, the prefix old enough to be settled, and where the next look starts. */
    record Settled(List<Long> bookingIds, long nextAfter) {
    }

    private static final String SOLD_SEAT_COLUMNS = "SELECT b.id, b.user_id, b.schedule_id, sc.starts_at, s.row_label, s.number "
            + "FROM booked_seats bs JOIN bookings b ON b.id = bs.booking_id JOIN seats s ON s.id = bs.seat_id "
            + "JOIN schedules sc ON sc.id = b.schedule_id ";

    private final AgroalDataSource db;

    SoldSeatsReader(AgroalDataSource db) {
        this.db = db;
    }

    /** Schedules that start after {@code after} (their sold markers still matter), at most {@code limit}, soonest first. */
    List<StartingSchedule> startingAfter(Instant after, int limit) {
        List<StartingSchedule> schedules = new ArrayList<>();
        query("SELECT id, starts_at FROM schedules WHERE starts_at > ? ORDER BY starts_at, id LIMIT ?", statement -> {
            statement.setTimestamp(1, Timestamp.from(after));
            statement.setInt(2, limit);
        }, rows -> schedules.add(new StartingSchedule(rows.getLong(1), rows.getTimestamp(2).toInstant())));
        return schedules;
    }

    /** Every active sold seat of a schedule, in booking order (a booking's seats together). */
    void forEachSoldSeat(long scheduleId, Consumer<SoldSeat> action) {
        query(SOLD_SEAT_COLUMNS + "WHERE s.schedule_id = ? AND bs.active ORDER BY b.id", statement -> statement.setLong(1, scheduleId),
                rows -> action.accept(soldSeat(rows)));
    }

    /**
     * The bookings after {@code afterId}, in id order, up to the first one created at or after
     * {@code settledBefore} (a later one might still have an earlier id committing behind it), at
     * most {@code limit}.
     */
    Settled settledAfter(long afterId, Instant settledBefore, int limit) {
        List<Long> ids = new ArrayList<>();
        boolean[] stopped = { false };
        query("SELECT id, created_at FROM bookings WHERE id > ? ORDER BY id LIMIT ?", statement -> {
            statement.setLong(1, afterId);
            statement.setInt(2, limit);
        }, rows -> {
            if (stopped[0] || !rows.getTimestamp(2).toInstant().isBefore(settledBefore)) {
                stopped[0] = true;
            } else {
                ids.add(rows.getLong(1));
            }
        });
        return new Settled(ids, ids.isEmpty() ? afterId : ids.getLast());
    }

    /** The active sold seats of these bookings, in booking order. */
    void forEachSoldSeatOf(List<Long> bookingIds, Consumer<SoldSeat> action) {
        if (bookingIds.isEmpty()) {
            return;
        }
        query(SOLD_SEAT_COLUMNS + "WHERE bs.booking_id = ANY (?) AND bs.active ORDER BY b.id", statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("bigint", bookingIds.toArray()));
        }, rows -> action.accept(soldSeat(rows)));
    }

    /** The largest booking id created before {@code time}: where a fresh instance starts looking. */
    long lastBookingBefore(Instant time) {
        long[] last = { 0 };
        query("SELECT coalesce(max(id), 0) FROM bookings WHERE created_at < ?", statement -> statement.setTimestamp(1,
                Timestamp.from(time)), rows -> last[0] = rows.getLong(1));
        return last[0];
    }

    private static SoldSeat soldSeat(ResultSet rows) throws SQLException {
        return new SoldSeat(rows.getLong(1), rows.getString(2), rows.getLong(3), rows.getTimestamp(4).toInstant(),
                rows.getString(5), rows.getInt(6));
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private interface RowReader {
        void read(ResultSet rows) throws SQLException;
    }

    private void query(String sql, Binder binder, RowReader reader) {
        try (Connection connection = db.getConnection()) {
            // A cursor (fetch size) needs a transaction in PostgreSQL's driver; read-only, rolled back.
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setFetchSize(1_000);
                binder.bind(statement);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        reader.read(rows);
                    }
                }
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading sold seats failed: " + e.getMessage(), e);
        }
    }
}
