package io.ticketing.booking.catalogue;

import java.sql.Array;
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

import io.ticketing.booking.catalogue.SeatMapPlan.PlannedSeat;

/**
 * A schedule's seats in bulk, with plain JDBC: a hall of 50,000 seats is one statement (arrays
 * through {@code unnest}) rather than 50,000 entity inserts. Called inside the caller's transaction:
 * the data source's connection joins it.
 */
@ApplicationScoped
public class SeatMapRows {

    /** A seat as seat-lock is told of it: its position, and whether it may be held. */
    public record SeatOnMap(String row, int number, boolean onSale) {
    }

    /** What one publication to seat-lock sends: read in the transaction that takes its version. */
    public record Snapshot(long scheduleId, long version, Instant salesOpenAt, Instant salesCloseAt, List<SeatOnMap> seats) {
    }

    /** A schedule whose sale seat-lock must know, and the version it should have at least. */
    public record Published(long scheduleId, long version) {
    }

    private final DataSource dataSource;

    SeatMapRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public int insert(long scheduleId, List<PlannedSeat> seats) {
        String[] rows = new String[seats.size()];
        Integer[] numbers = new Integer[seats.size()];
        String[] grades = new String[seats.size()];
        Long[] prices = new Long[seats.size()];
        for (int i = 0; i < seats.size(); i++) {
            PlannedSeat seat = seats.get(i);
            rows[i] = seat.row();
            numbers[i] = seat.number();
            grades[i] = seat.grade();
            prices[i] = seat.price();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO seats (schedule_id, row_label, number, grade, price) "
                        + "SELECT ?, r, n, g, p FROM unnest(?::varchar[], ?::int[], ?::varchar[], ?::bigint[]) AS t(r, n, g, p)")) {
            Array rowArray = connection.createArrayOf("varchar", rows);
            insert.setLong(1, scheduleId);
            insert.setArray(2, rowArray);
            insert.setArray(3, connection.createArrayOf("int4", numbers));
            insert.setArray(4, connection.createArrayOf("varchar", grades));
            insert.setArray(5, connection.createArrayOf("int8", prices));
            return insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not insert the seat map of schedule " + scheduleId, e);
        }
    }

    /** Copies another schedule's seats: positions, grades, prices and whether they are on sale. */
    public int copy(long scheduleId, long fromScheduleId) {
        return update("INSERT INTO seats (schedule_id, row_label, number, grade, price, on_sale) "
                + "SELECT ?, row_label, number, grade, price, on_sale FROM seats WHERE schedule_id = ?", scheduleId, fromScheduleId);
    }

    public int deleteAll(long scheduleId) {
        return update("DELETE FROM seats WHERE schedule_id = ?", scheduleId);
    }

    /** Whether any booking, active or cancelled, names a seat of the schedule (its rows must then stay). */
    public boolean hasBookings(long scheduleId) {
        return count("SELECT count(*) FROM bookings WHERE schedule_id = ?", scheduleId) > 0;
    }

    public long seats(long scheduleId) {
        return count("SELECT count(*) FROM seats WHERE schedule_id = ?", scheduleId);
    }

    public long offSale(long scheduleId) {
        return count("SELECT count(*) FROM seats WHERE schedule_id = ? AND NOT on_sale", scheduleId);
    }

    /**
     * Takes the schedule's next publication version and reads what it publishes. The version's
     * {@code UPDATE} locks the schedule's row, so publications take their turns, and each reads the
     * seats as committed after it (READ COMMITTED): a larger version never carries older seats.
     */
    public Snapshot snapshot(long scheduleId) {
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
    public List<Published> notClosed(Instant now, long afterId, int limit) {
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

    private int update(String sql, Object... args) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql, Object... args) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
