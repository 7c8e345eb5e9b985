package io.ticketing.booking;

import javax.sql.DataSource;

/**
 * A cold JVM takes seconds over its first bookings (class loading, JIT), longer than booking gives
 * seat-lock. A sale opens on warm services, so the races start warm: a few bookings go first.
 */
final class WarmUp {

    private static boolean done;

    private WarmUp() {
    }

    static synchronized void bookings(DataSource db) {
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
