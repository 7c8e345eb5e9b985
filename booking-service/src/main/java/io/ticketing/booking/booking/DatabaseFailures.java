package io.ticketing.booking.booking;

import java.sql.SQLException;

import io.ticketing.booking.error.BookingException;
import io.ticketing.booking.error.ErrorCode;
import io.ticketing.platform.CommonError;

/** Tells what a database failure means for the caller, from the SQLSTATE PostgreSQL gave. */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /** The failure as a domain error, or null when it is not a database failure at all. */
    public static BookingException translate(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return fromSqlState(sql.getSQLState(), String.valueOf(sql.getMessage()));
            }
            if (cause.getClass().getName().startsWith("org.hibernate.exception.JDBCConnectionException")) {
                return new BookingException(ErrorCode.DATABASE_UNAVAILABLE);
            }
        }
        return null;
    }

    private static BookingException fromSqlState(String state, String message) {
        if (state == null) {
            // The pool found no connection in time (Agroal says so without a SQLSTATE).
            return new BookingException(ErrorCode.DATABASE_UNAVAILABLE);
        }
        if (state.equals("23505") && message.contains("booked_seats_one_active_per_seat")) {
            return new BookingException(ErrorCode.SEAT_ALREADY_BOOKED);
        }
        if (state.equals("23505") && message.contains("bookings_user_idempotency_key")) {
            return new BookingException(ErrorCode.IDEMPOTENCY_KEY_REUSED);
        }
        // lock_not_available, serialization failure, deadlock: another booking is on these seats now.
        if (state.equals("55P03") || state.equals("40001") || state.equals("40P01")) {
            return new BookingException(ErrorCode.SEAT_ALREADY_LOCKED);
        }
        // connection exceptions, admin shutdown, cannot connect now, query cancelled.
        if (state.startsWith("08") || state.startsWith("57")) {
            return new BookingException(ErrorCode.DATABASE_UNAVAILABLE);
        }
        return new BookingException(CommonError.INTERNAL_ERROR);
    }
}
