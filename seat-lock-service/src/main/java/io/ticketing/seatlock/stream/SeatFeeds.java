package io.ticketing.seatlock.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.ticketing.seatlock.config.SeatLockConfig;
import io.vertx.core.Vertx;

/**
 * The live seat map's registry: for each schedule someone streams here, one {@link SeatFeed}, loaded
 * once from Redis ({@link FeedSnapshots}) and then kept current from the schedule's event stream
 * ({@link FeedReader}). One timer reads the new events of every schedule streamed here (XREAD, a few
 * milliseconds apart) and another sweeps the ends of holds ({@link HoldEndSweeper}), so a hold that
 * ran out is announced within a fraction of a second on every replica. Nothing blocks: a stream is
 * a subscriber of its feed, not a thread, and Redis sees a few commands per schedule per tick,
 * however many streams.
 */
@ApplicationScoped
class SeatFeeds {

    private final FeedSnapshots snapshots;
    private final FeedReader reader;
    private final HoldEndSweeper sweeper;
    private final SeatFeed.Render render;
    private final SeatLockConfig.Streams config;
    private final Vertx vertx;
    private final Map<Long, SeatFeed> feeds = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final List<Long> timers = new ArrayList<>();

    SeatFeeds(FeedSnapshots snapshots, FeedReader reader, HoldEndSweeper sweeper, FeedJson render, SeatLockConfig config,
            Vertx vertx, MeterRegistry registry) {
        this.snapshots = snapshots;
        this.reader = reader;
        this.sweeper = sweeper;
        this.render = render;
        this.config = config.streams();
        this.vertx = vertx;
        registry.gauge("seat_lock.streams.open", open);
        registry.gauge("seat_lock.streams.schedules", feeds, Map::size);
    }

    void start(@Observes StartupEvent event) {
        timers.add(vertx.setPeriodic(config.readEvery().toMillis(), id -> readAll()));
        timers.add(vertx.setPeriodic(config.sweepEvery().toMillis(), id -> feeds.values().forEach(sweeper::sweep)));
    }

    void stop(@Observes ShutdownEvent event) {
        timers.forEach(vertx::cancelTimer);
        // Open streams end with the server; their clients reconnect to another replica and resume.
    }

    /**
     * Opens a stream of the schedule's seat states on the sink: a snapshot, then every change, or, for
     * a client that read up to {@code lastEventId} and reconnects, the changes after it when this
     * instance still has them all. Called once {@link #ready} has completed (else it waits for the
     * load); {@link #close} when the stream ends.
     */
    void open(long scheduleId, String lastEventId, StreamSink sink) {
        open.incrementAndGet();
        StreamId resumeAfter = StreamId.parse(lastEventId);
        SeatFeed feed = feeds.computeIfAbsent(scheduleId, this::newFeed);
        // Outside the map's lock: a snapshot may be rendered for it. A feed dropped meanwhile (nobody had
        // streamed it for a while) is left for a new one.
        feed.subscribe(sink, resumeAfter);
        while (feeds.get(scheduleId) != feed) {
            feed.unsubscribe(sink);
            feed = feeds.computeIfAbsent(scheduleId, this::newFeed);
            feed.subscribe(sink, resumeAfter);
        }
        feed.loading().subscribe().with(loaded -> { }, failure -> { });
    }

    /** The stream ended (its client went, or it fell behind). */
    void close(long scheduleId, StreamSink sink) {
        open.decrementAndGet();
        SeatFeed feed = feeds.get(scheduleId);
        if (feed != null) {
            feed.unsubscribe(sink);
        }
    }

    /** Whether this instance may open one more stream (seat-lock.streams.max-open). */
    boolean full() {
        return open.get() >= config.maxOpen();
    }

    /** Bytes a stream may have waiting to be written, beyond its snapshot, before it is ended (its client resumes). */
    int maxBehindBytes() {
        return config.maxBehindBytes();
    }

    /**
     * Completes once the schedule's feed is loaded here, or fails as a stream of it would (404 for a
     * schedule seat-lock does not know): called before a stream answers, so that a refusal is a
     * problem document, not a stream that ends at once.
     */
    Uni<Void> ready(long scheduleId) {
        return feeds.computeIfAbsent(scheduleId, this::newFeed).loading();
    }

    /** A feed whose first read of Redis starts when first asked for (its loading is read once, by all). */
    private SeatFeed newFeed(long scheduleId) {
        SeatFeed feed = new SeatFeed(scheduleId, config.replayKept(), render);
        feed.loading(snapshots.load(scheduleId).invoke(feed::load)
                .onFailure().invoke(failure -> {
                    feeds.remove(scheduleId, feed);
                    feed.failWaiting();
                })
                .replaceWithVoid().memoize().indefinitely());
        return feed;
    }

    private void readAll() {
        long linger = config.linger().toNanos();
        long keepAlive = config.keepAlive().toNanos();
        for (SeatFeed feed : feeds.values()) {
            if (feeds.computeIfPresent(feed.scheduleId(), (id, existing) -> existing.quietFor(linger) ? null : existing) == null) {
                Log.debugf("No stream of schedule %d for a while: stopped reading it", feed.scheduleId());
                continue;
            }
            feed.keepAlive(keepAlive);
            reader.readNew(feed);
        }
    }
}
