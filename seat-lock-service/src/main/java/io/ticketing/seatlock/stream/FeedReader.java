package io.ticketing.seatlock.stream;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.stream.ReactiveStreamCommands;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.XReadArgs;
import io.smallrye.mutiny.Uni;
import io.ticketing.seatlock.config.SeatLockConfig;
import io.ticketing.seatlock.redis.ScriptRunner;
import io.ticketing.seatlock.redis.SeatKeys;

/**
 * Keeps a feed current from its schedule's event stream, which the Lua scripts append to as they
 * change seats: XREAD from the last event read, and a check that no event was lost in between.
 */
@ApplicationScoped
class FeedReader {

    /** Events read per XREAD; a full batch is followed at once by the next. */
    static final int READ_BATCH = 500;

    private final ScriptRunner scripts;
    private final FeedSnapshots snapshots;
    private final ReactiveStreamCommands<String, String, String> streams;
    private final Duration redisTimeout;

    FeedReader(ScriptRunner scripts, FeedSnapshots snapshots, ReactiveRedisDataSource redis, SeatLockConfig config) {
        this.scripts = scripts;
        this.snapshots = snapshots;
        this.streams = redis.stream(String.class);
        this.redisTimeout = config.redisTimeout();
    }

    /** Reads the feed's new events, if it is not being read already; a full batch is followed by the next. */
    void readNew(SeatFeed feed) {
        if (feed.startReading()) {
            read(feed);
        }
    }

    private void read(SeatFeed feed) {
        long scheduleId = feed.scheduleId();
        Uni<Void> gapChecked = feed.gapCheckDue() ? closeGap(feed) : Uni.createFrom().voidItem();
        gapChecked.flatMap(checked -> streams.xread(SeatKeys.events(scheduleId), feed.last().toString(), new XReadArgs().count(READ_BATCH)))
                .ifNoItem().after(redisTimeout).fail()
                .flatMap(messages -> apply(feed, messages).replaceWith(messages.size()))
                .subscribe().with(count -> {
                    feed.doneReading();
                    if (count >= READ_BATCH && feed.startReading()) {
                        read(feed);
                    }
                }, failure -> {
                    feed.readFailed();
                    feed.doneReading();
                    Log.debugf("Reading seat events of schedule %d failed: %s", scheduleId, failure.toString());
                });
    }

    /**
     * Events this feed never read can be gone: the stream keeps its last 10,000 (a feed that could not
     * read for a while, in a surge), or Redis lost it (restarted empty, a failover that lost the last
     * writes: the holds it had are gone too, and no script announced that). Either way the oldest event
     * left is newer than the last one read, or there is none: the feed starts over from a snapshot, and
     * so does every stream of it. Checked every second, and after a read failed.
     */
    private Uni<Void> closeGap(SeatFeed feed) {
        StreamId last = feed.last();
        return scripts.command("XRANGE", SeatKeys.events(feed.scheduleId()), "-", "+", "COUNT", "1").flatMap(reply -> {
            StreamId oldest = reply.size() == 0 ? null : StreamId.parse(reply.get(0).get(0).toString());
            boolean gap = oldest == null ? !last.equals(StreamId.ZERO) : oldest.compareTo(last) > 0;
            if (!gap) {
                return Uni.createFrom().voidItem();
            }
            Log.infof("Seat events of schedule %d after %s are gone: its streams start over from a snapshot", feed.scheduleId(), last);
            return snapshots.load(feed.scheduleId()).invoke(feed::reload).replaceWithVoid();
        });
    }

    /**
     * The events of one read, sent as one: each stream gets at most one event per read, whatever the
     * rate of changes (the last state of each seat wins; its id is the last event's), so that a surge
     * costs the streams a write per read, not one per hold.
     */
    private Uni<Void> apply(SeatFeed feed, List<StreamMessage<String, String, String>> messages) {
        Map<String, String> changes = new LinkedHashMap<>();
        StreamId last = null;
        for (StreamMessage<String, String, String> message : messages) {
            if (message.payload().containsKey("_map")) {
                // The seat map changed: what came before is sent, what comes after is in the fresh snapshot.
                if (last != null) {
                    feed.apply(last, changes);
                }
                return snapshots.load(feed.scheduleId()).invoke(feed::reload).replaceWithVoid();
            }
            last = StreamId.parse(message.id());
            message.payload().forEach((member, state) -> {
                changes.remove(member);
                changes.put(member, state);
            });
        }
        if (last != null) {
            feed.apply(last, changes);
        }
        return Uni.createFrom().voidItem();
    }
}
