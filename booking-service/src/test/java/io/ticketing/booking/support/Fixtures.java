package io.ticketing.booking.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import io.ticketing.testsupport.DevTokens;

/**
 * Each test makes its own event and schedule (fresh ids from the operator API), so tests never share
 * seats (in PostgreSQL or in seat-lock's Redis) and order never matters.
 */
public final class Fixtures {

    public record Stage(long eventId, long scheduleId) {
    }

    private Fixtures() {
    }

    /**
     * An event with one schedule of {@code rows} rows ("1열", "2열", ...) of {@code seatsPerRow} seats,
     * on sale from a minute ago until the show a month ahead, made through the operator API as an
     * operator makes it (which also publishes it to seat-lock, when seat-lock answers).
     */
    public static Stage stage(DataSource db, int rows, int seatsPerRow) {
        long eventId = ((Number) operator().body(Map.of("title", "테스트 공연", "venue", "테스트 홀"))
                .when().post("/api/v1/tickets/admin/events").then().statusCode(201).extract().path("event_id")).longValue();
        Instant now = Instant.now();
        long scheduleId = ((Number) operator().body(Map.of("starts_at", now.plus(Duration.ofDays(30)).toString(),
                "sales_open_at", now.minus(Duration.ofMinutes(1)).toString()))
                .when().post("/api/v1/tickets/admin/events/" + eventId + "/schedules").then().statusCode(201)
                .extract().path("schedule_id")).longValue();
        List<Map<String, Object>> sections = new ArrayList<>();
        sections.add(Map.of("name", "VIP", "grade", "VIP", "price", 150_000, "rows", List.of(rowRange(1, seatsPerRow))));
        if (rows > 1) {
            sections.add(Map.of("name", "R", "grade", "R", "price", 120_000,
                    "rows", IntStream.rangeClosed(2, rows).mapToObj(row -> rowRange(row, seatsPerRow)).toList()));
        }
        operator().body(Map.of("sections", sections)).when().put("/api/v1/tickets/admin/schedules/" + scheduleId + "/seat-map")
                .then().statusCode(200);
        return new Stage(eventId, scheduleId);
    }

    /** A request as an operator ({@code groups} holds "operator"), with a JSON body to come. */
    public static RequestSpecification operator() {
        return RestAssured.given().header("Authorization", DevTokens.operatorBearer("operator-1"))
                .contentType("application/json");
    }

    private static Map<String, Object> rowRange(int row, int seats) {
        return Map.of("row", row + "열", "from", 1, "to", seats);
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
            Map<String, Long> counts = new HashMap<>();
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
            List<String> users = new ArrayList<>();
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
        return Arrays.stream(numbers).mapToObj(n -> Map.<String, Object>of("row", row, "number", n)).toList();
    }
}
