package io.ticketing.seatlock.stream;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.ticketing.seatlock.redis.ScriptRunner;
import io.ticketing.seatlock.redis.SeatKeys;

/**
 * Announces holds that ran out: no script runs when a seat key expires, so the ends of holds and
 * claims (kept in a sorted set by the scripts that start them) are swept, and sweep.lua appends an
 * AVAILABLE event for each seat whose key is gone, exactly once across replicas. No keyspace
 * notifications are needed.
 */
@ApplicationScoped
class HoldEndSweeper {

    /** Hold ends swept per script call. */
    static final int SWEEP_BATCH = 200;

    private final ScriptRunner scripts;

    HoldEndSweeper(ScriptRunner scripts) {
        this.scripts = scripts;
    }

    /** Sweeps the feed's schedule, if it is loaded and not being swept already. */
    void sweep(SeatFeed feed) {
        if (feed.loaded() && feed.startSweeping()) {
            sweep(feed.scheduleId()).subscribe().with(swept -> feed.doneSweeping(), failure -> {
                feed.doneSweeping();
                Log.debugf("Sweeping hold ends of schedule %d failed: %s", feed.scheduleId(), failure.toString());
            });
        }
    }

    private Uni<Integer> sweep(long scheduleId) {
        return scripts.command("ZRANGEBYSCORE", SeatKeys.holdEnds(scheduleId), "-inf", Long.toString(System.currentTimeMillis()),
                "LIMIT", "0", Integer.toString(SWEEP_BATCH))
                .flatMap(reply -> {
                    if (reply.size() == 0) {
                        return Uni.createFrom().item(0);
                    }
                    List<String> members = new ArrayList<>(reply.size());
                    reply.forEach(member -> members.add(member.toString()));
                    return scripts.run(new SweepCall(scheduleId, members));
                });
    }
}
