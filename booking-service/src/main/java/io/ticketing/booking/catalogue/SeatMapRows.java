package io.ticketing.booking.catalogue;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
class SeatMapRows {

    private final DataSource dataSource;

    SeatMapRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    int insert(long scheduleId, List<PlannedSeat> seats) {
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
    int copy(long scheduleId, long fromScheduleId) {
        return update("INSERT INTO seats (schedule_id, row_label, number, grade, price, on_sale) "
                + "SELECT ?, row_label, number, grade, price, on_sale FROM seats WHERE schedule_id = ?", scheduleId, fromScheduleId);
    }

    int deleteAll(long scheduleId) {
        return update("DELETE FROM seats WHERE schedule_id = ?", scheduleId);
    }

    /** Whether any booking, active or cancelled, names a seat of the schedule (its rows must then stay). */
    boolean hasBookings(long scheduleId) {
        return count("SELECT count(*) FROM bookings WHERE schedule_id = ?", scheduleId) > 0;
    }

    long seats(long scheduleId) {
        return count("SELECT count(*) FROM seats WHERE schedule_id = ?", scheduleId);
    }

    long offSale(long scheduleId) {
        return count("SELECT count(*) FROM seats WHERE schedule_id = ? AND NOT on_sale", scheduleId);
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
