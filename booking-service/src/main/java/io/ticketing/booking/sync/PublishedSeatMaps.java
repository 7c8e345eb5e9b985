package io.ticketing.booking.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/** What seat-lock is told of each schedule's sale, read with plain JDBC: the seat map and window, and which schedules are on sale. */
@ApplicationScoped
class PublishedSeatMaps {

    /** A seat as seat-lock is told of it: its position, and whether it may be held. */
    record SeatOnMap(String row, int number, boolean onSale) {
    }

    /** What one publication to seat-lock sends: read in the transaction that takes its version. */
    record Snapshot(long scheduleId, long version, Instant salesOpenAt, Instant salesCloseAt, List<SeatOnMap> seats) {
    }

    /** A schedule whose sale seat-lock must know, and the version it should have at least. */
    record Published(long scheduleId, long version) {
    }

    private final DataSource dataSource;

    PublishedSeatMaps(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Takes the schedule's next publication version and reads what it publishes. The version's
     * {@code UPDATE} locks the schedule's row, so publications take their turns, and each reads the
     * seats as committed after it (READ COMMITTED): a larger version never carries older seats.
     */
    Snapshot snapshot(long scheduleId) {
        try (Connection connection = dataSource.getConnection()) {
            long version;
            Instant opens;
            Instant closes;
            try (PreparedStatement take = connection.prepareStatement("UPDATE schedules SET seat_map_version = seat_map_version + 1 "
                    + "WHERE id = ? RETURNING seat_map_version, sales_open_at, sales_close_at")) {
                take.setLong(1, scheduleId);
                try (ResultSet result = take.executeQuery()) {
                    if (!result.next()) {
                        return null;
                    }
                    version = result.getLong(1);
                    opens = result.getTimestamp(2).toInstant();
                    closes = result.getTimestamp(3).toInstant();
                }
            }
            List<SeatOnMap> seats = new ArrayList<>();
            try (PreparedStatement read = connection.prepareStatement(
                    "SELECT row_label, number, on_sale FROM seats WHERE schedule_id = ? ORDER BY row_label, number")) {
                read.setLong(1, scheduleId);
                try (ResultSet result = read.executeQuery()) {
                    while (result.next()) {
                        seats.add(new SeatOnMap(result.getString(1), result.getInt(2), result.getBoolean(3)));
                    }
                }
            }
            return new Snapshot(scheduleId, version, opens, closes, seats);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read schedule " + scheduleId + " for seat-lock", e);
        }
    }

    /** A page of the schedules whose sales have not closed by {@code now}, by id after {@code afterId}, with their versions. */
    List<Published> notClosed(Instant now, long afterId, int limit) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement read = connection.prepareStatement("SELECT id, seat_map_version FROM schedules "
                        + "WHERE sales_close_at > ? AND id > ? ORDER BY id LIMIT ?")) {
            read.setTimestamp(1, Timestamp.from(now));
            read.setLong(2, afterId);
            read.setInt(3, limit);
            List<Published> schedules = new ArrayList<>();
            try (ResultSet result = read.executeQuery()) {
                while (result.next()) {
                    schedules.add(new Published(result.getLong(1), result.getLong(2)));
                }
            }
            return schedules;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the schedules on sale", e);
        }
    }
}
