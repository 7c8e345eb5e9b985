package io.ticketing.booking.support;

import javax.sql.DataSource;

/**
 * A cold JVM takes seconds over its first bookings (class loading, JIT), longer than booking gives
 * seat-lock. A sale opens on warm services, so the races start warm: a few bookings go first.
 */
public final class WarmBookings {

    private static boolean done;

    private WarmBookings() {
    }

    public static synchronized void bookings(DataSource db) {
        if (done) {
            return;
        }
        Fixtures.Stage stage = Fixtures.stage(db, 1, 20);
        for (int seat = 1; seat <= 20; seat++) {
            Api.book("warm-up", stage, Fixtures.seats("1열", seat), null);
            Api.get("warm-up", "/api/v1/tickets/schedules/" + stage.scheduleId() + "/seats");
        }
        done = true;
    }
}
