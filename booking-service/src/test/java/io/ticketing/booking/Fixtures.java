package io.ticketing.booking;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

/**
 * Each test makes its own event and schedule with fresh random ids, so tests never share seats
 * (in PostgreSQL or in seat-lock's Redis) and order never matters.
 */
public final class Fixtures {

    public record Stage(long eventId, long scheduleId) {
    }

    private Fixtures() {
    }

    /** An event with one schedule of {@code rows} rows ("1열", "2열", ...) of {@code seatsPerRow} seats. */
    public static Stage stage(DataSource db, int rows, int seatsPerRow) {
        long eventId = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000_000L);
        long scheduleId = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000_000L);
        execute(db, "INSERT INTO events (id, title, venue) VALUES (?, '테스트 공연', '테스트 홀')", eventId);
        execute(db, "INSERT INTO schedules (id, event_id, starts_at) VALUES (?, ?, now() + interval '30 days')",
                scheduleId, eventId);
        execute(db, "INSERT INTO seats (schedule_id, row_label, number, grade, price) "
                + "SELECT ?, r || '열', n, CASE WHEN r = 1 THEN 'VIP' ELSE 'R' END, CASE WHEN r = 1 THEN 150000 ELSE 120000 END "
                + "FROM generate_series(1, ?) r, generate_series(1, ?) n", scheduleId, rows, seatsPerRow);
        return new Stage(eventId, scheduleId);
    }

    /** Moves the show of a schedule to another time. */
    public static void startsAt(DataSource db, long scheduleId, Instant startsAt) {
        execute(db, "UPDATE schedules SET starts_at = ? WHERE id = ?", Timestamp.from(startsAt), scheduleId);
    }

    /** How many active booked-seat rows the schedule has, per seat ("1열-2"), straight from the database. */
    public static Map<String, Long> activeSalesPerSeat(DataSource db, long scheduleId) {
        try (Connection connection = db.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT s.row_label || '-' || s.number, count(*) FROM booked_seats b JOIN seats s ON s.id = b.seat_id "
                                + "WHERE s.schedule_id = ? AND b.active GROUP BY 1")) {
            statement.setLong(1, scheduleId);
            java.util.Map<String, Long> counts = new java.util.HashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long count(DataSource db, String sql, Object... args) {
        try (Connection connection = db.getConnection(); PreparedStatement statement = prepare(connection, sql, args);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long bookingsOf(DataSource db, long scheduleId) {
        return count(db, "SELECT count(*) FROM bookings WHERE schedule_id = ?", scheduleId);
    }

    /** The users who have a booking of the schedule, straight from the database. */
    public static List<String> usersWithBookings(DataSource db, long scheduleId) {
        try (Connection connection = db.getConnection(); PreparedStatement statement = prepare(connection,
                "SELECT DISTINCT user_id FROM bookings WHERE schedule_id = ?", scheduleId);
                ResultSet rows = statement.executeQuery()) {
            List<String> users = new java.util.ArrayList<>();
            while (rows.next()) {
                users.add(rows.getString(1));
            }
            return users;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void execute(DataSource db, String sql, Object... args) {
        try (Connection connection = db.getConnection(); PreparedStatement statement = prepare(connection, sql, args)) {
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... args) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i]);
        }
        return statement;
    }

    public static List<Map<String, Object>> seats(String row, int... numbers) {
        return java.util.Arrays.stream(numbers).mapToObj(n -> Map.<String, Object>of("row", row, "number", n)).toList();
    }
}
