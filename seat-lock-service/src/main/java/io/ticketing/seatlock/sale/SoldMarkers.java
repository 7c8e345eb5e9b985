package io.ticketing.seatlock.sale;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.ticketing.seatlock.redis.ScriptRunner;
import io.ticketing.seatlock.redis.SeatKeys;
import io.ticketing.seatlock.redis.SeatLockMetrics;

/**
 * Sold markers set again from booking's database, which holds the truth. Redis forgets them when it
 * restarts empty (or a cluster master is replaced), and a booking-service that dies between its
 * commit and its confirm never sets them; until they are back, a sold seat could be held again and
 * would be refused only by the database at booking time. booking-service's reconciliation asks
 * which schedules lost their markers ({@link #incomplete}) and sends their bookings
 * ({@link #restore}), and sends its recent bookings again in case a confirm never came.
 */
@ApplicationScoped
public class SoldMarkers {

    /** A page of a whole schedule's rebuild: under which lease, and whether it begins or ends it. */
    public record Rebuild(String lease, boolean first, boolean last) {
    }

    /** Why a page was refused, if it was. */
    public enum Refusal {
        NONE, LEASE_LOST, LEASE_TAKEN
    }

    /** How many seats were marked anew, or why the page was refused. */
    public record Restored(int marked, Refusal refusal) {
    }


    private final ScriptRunner scripts;
    private final SeatLockMetrics metrics;

    SoldMarkers(ScriptRunner scripts, SeatLockMetrics metrics) {
        this.scripts = scripts;
        this.metrics = metrics;
    }

    /** Of these schedules, those whose sold markers Redis does not have whole: to be rebuilt. */
    public Uni<List<Long>> incomplete(List<Long> scheduleIds) {
        if (scheduleIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        // One EXISTS per schedule: on a cluster each goes to the master of that schedule's slot.
        List<Uni<Boolean>> checks = scheduleIds.stream()
                .map(id -> scripts.command("EXISTS", SeatKeys.soldComplete(id)).map(reply -> reply.toInteger() == 1))
                .toList();
        return Uni.join().all(checks).andFailFast().map(complete -> {
            List<Long> missing = new ArrayList<>();
            for (int i = 0; i < complete.size(); i++) {
                if (!complete.get(i)) {
                    missing.add(scheduleIds.get(i));
                }
            }
            return missing;
        });
    }

    /** Marks these bookings' seats sold (a page of a schedule's rebuild, if {@code rebuild} is given). */
    public Uni<Restored> restore(long scheduleId, Rebuild rebuild, Instant soldUntil,
            List<SoldBooking> bookings) {
        return metrics.timed("restore_sold", scripts.run(new RestoreSoldCall(scheduleId, rebuild, soldUntil, bookings)))
                .invoke(outcome -> {
                    if (outcome.marked() > 0) {
                        metrics.soldRestored(outcome.marked());
                        Log.infof("Marked %d seats of schedule %d sold again from booking's database", outcome.marked(),
                                scheduleId);
                    }
                });
    }
}
