package io.ticketing.seatlock.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.stream.ReactiveStreamCommands;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.XReadArgs;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.ticketing.seatlock.config.SeatLockConfig;
import io.ticketing.seatlock.error.ErrorCode;
import io.ticketing.seatlock.error.SeatLockException;
import io.ticketing.seatlock.model.Seat;
import io.vertx.core.Vertx;
import io.vertx.mutiny.redis.client.Response;

/**
 * The live seat map: for each schedule someone streams here, one {@link SeatFeed}, loaded once from
 * Redis (the seat map and every seat's key) and then kept current from the schedule's event stream,
 * which the Lua scripts append to as they change seats. One timer reads the new events of every
 * schedule streamed here (XREAD, a few milliseconds apart) and another sweeps the ends of holds
 * (sweep.lua), so a hold that ran out is announced within a fraction of a second on every replica,
 * whether or not Redis has keyspace notifications on. Nothing blocks: a stream is a subscriber of its
 * feed, not a thread, and Redis sees a few commands per schedule per tick, however many streams.
 */
@ApplicationScoped
public class SeatFeeds {

    /** Events read per XREAD; a full batch is followed at once by the next. */
    static final int READ_BATCH = 500;
    /** Hold ends swept per script call. */
    static final int SWEEP_BATCH = 200;
    private static final int MEMBERS_PER_MGET = 1_000;

    private final ScriptRunner scripts;
    private final SeatMaps seatMaps;
    private final ReactiveStreamCommands<String, String, String> streams;
    private final SeatLockConfig.Streams config;
    private final Duration redisTimeout;
    private final ObjectMapper json;
    private final Vertx vertx;
    private final Map<Long, SeatFeed> feeds = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final SeatFeed.Render render = new JsonRender();
    private final List<Long> timers = new ArrayList<>();

    SeatFeeds(ScriptRunner scripts, SeatMaps seatMaps, ReactiveRedisDataSource redis, SeatLockConfig config,
            ObjectMapper json, Vertx vertx, MeterRegistry registry) {
        this.scripts = scripts;
        this.seatMaps = seatMaps;
        this.streams = redis.stream(String.class);
        this.config = config.streams();
        this.redisTimeout = config.redisTimeout();
        this.json = json;
        this.vertx = vertx;
        registry.gauge("seat_lock.streams.open", open);
        registry.gauge("seat_lock.streams.schedules", feeds, Map::size);
    }

    void start(@Observes StartupEvent event) {
        timers.add(vertx.setPeriodic(config.readEvery().toMillis(), id -> readAll()));
        timers.add(vertx.setPeriodic(config.sweepEvery().toMillis(), id -> sweepAll()));
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
    public void open(long scheduleId, String lastEventId, StreamSink sink) {
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
    public void close(long scheduleId, StreamSink sink) {
        open.decrementAndGet();
        SeatFeed feed = feeds.get(scheduleId);
        if (feed != null) {
            feed.unsubscribe(sink);
        }
    }

    /** Whether this instance may open one more stream (seat-lock.streams.max-open). */
    public boolean full() {
        return open.get() >= config.maxOpen();
    }

    /** Bytes a stream may have waiting to be written, beyond its snapshot, before it is ended (its client resumes). */
    public int maxBehindBytes() {
        return config.maxBehindBytes();
    }

    /**
     * Completes once the schedule's feed is loaded here, or fails as a stream of it would (404 for a
     * schedule seat-lock does not know): called before a stream answers, so that a refusal is a
     * problem document, not a stream that ends at once.
     */
    public Uni<Void> ready(long scheduleId) {
        return feeds.computeIfAbsent(scheduleId, this::newFeed).loading();
    }

    /** A feed whose first read of Redis starts when first asked for (its loading is read once, by all). */
    private SeatFeed newFeed(long scheduleId) {
        SeatFeed feed = new SeatFeed(scheduleId, config.replayKept(), render);
        feed.loading(snapshot(scheduleId).invoke(feed::load)
                .onFailure().invoke(failure -> {
                    feeds.remove(scheduleId, feed);
                    feed.failWaiting();
                })
                .replaceWithVoid().memoize().indefinitely());
        return feed;
    }

    /** Streams open on this instance now. */
    public int open() {
        return open.get();
    }

    /**
     * Every seat of the map with its state, current up to the event it names: the last event's id is
     * read first, so events that come while the seats are read are applied on top (each names a
     * state, not a change, so applying one twice is harmless).
     */
    private Uni<SeatFeed.SeatStates> snapshot(long scheduleId) {
        return scripts.command("XREVRANGE", SeatKeys.events(scheduleId), "+", "-", "COUNT", "1")
                .map(reply -> reply.size() == 0 ? StreamId.ZERO : StreamId.parse(reply.get(0).get(0).toString()))
                .flatMap(at -> scripts.command("EXISTS", SeatKeys.sale(scheduleId)).flatMap(sale -> {
                    if (sale.toInteger() == 0) {
                        return unknown();
                    }
                    return scripts.command("SMEMBERS", SeatKeys.seatMap(scheduleId))
                            .flatMap(members -> states(scheduleId, members))
                            .map(states -> new SeatFeed.SeatStates(at, states));
                }));
    }

    /** 404, or 503 while Redis has lost the sales and booking has not published them all again. */
    private Uni<SeatFeed.SeatStates> unknown() {
        return seatMaps.complete().map(complete -> {
            throw new SeatLockException(complete ? ErrorCode.SCHEDULE_NOT_FOUND : ErrorCode.LOCK_STORE_UNAVAILABLE);
        });
    }

    private Uni<Map<String, String>> states(long scheduleId, Response membersReply) {
        List<String> members = new ArrayList<>(membersReply.size());
        membersReply.forEach(member -> members.add(member.toString()));
        List<List<String>> pages = new ArrayList<>();
        for (int from = 0; from < members.size(); from += MEMBERS_PER_MGET) {
            pages.add(members.subList(from, Math.min(members.size(), from + MEMBERS_PER_MGET)));
        }
        Map<String, String> states = new HashMap<>(members.size() * 2);
        return Multi.createFrom().iterable(pages)
                .onItem().transformToUniAndConcatenate(page -> scripts.command("MGET",
                        page.stream().map(member -> SeatKeys.seatPrefix(scheduleId) + member).toArray(String[]::new))
                        .invoke(values -> {
                            for (int i = 0; i < page.size(); i++) {
                                Response value = values.get(i);
                                states.put(page.get(i), stateOf(value == null ? null : value.toString()));
                            }
                        }))
                .collect().last()
                .replaceWith(states);
    }

    /** A seat key's value as others see it: no key is free, a sold marker is booked, anything else held. */
    static String stateOf(String value) {
        if (value == null) {
            return "AVAILABLE";
        }
        return value.substring(value.lastIndexOf(':') + 1).startsWith("booked-") ? "BOOKED" : "HELD";
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
            if (feed.startReading()) {
                read(feed);
            }
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
            return snapshot(feed.scheduleId()).invoke(feed::reload).replaceWithVoid();
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
                return snapshot(feed.scheduleId()).invoke(feed::reload).replaceWithVoid();
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

    private void sweepAll() {
        for (SeatFeed feed : feeds.values()) {
            if (feed.loaded() && feed.startSweeping()) {
                sweep(feed.scheduleId()).subscribe().with(swept -> feed.doneSweeping(), failure -> {
                    feed.doneSweeping();
                    Log.debugf("Sweeping hold ends of schedule %d failed: %s", feed.scheduleId(), failure.toString());
                });
            }
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

    /** Events as JSON: seats by row and number, in the order of the rows and the numbers. */
    private final class JsonRender implements SeatFeed.Render {

        private record SeatView(String row, int number, String state) {
        }

        private record Snapshot(long scheduleId, List<SeatView> seats) {
        }

        private record Change(List<SeatView> seats) {
        }

        @Override
        public String snapshot(long scheduleId, Map<String, String> states) {
            return write(new Snapshot(scheduleId, views(states)));
        }

        @Override
        public String change(Map<String, String> states) {
            return write(new Change(views(states)));
        }

        private List<SeatView> views(Map<String, String> states) {
            List<SeatView> views = new ArrayList<>(states.size());
            states.forEach((member, state) -> {
                Seat seat = Seat.fromMember(member);
                views.add(new SeatView(seat.row(), seat.number(), state));
            });
            views.sort(Comparator.comparing(SeatView::row).thenComparingInt(SeatView::number));
            return views;
        }

        private String write(Object value) {
            try {
                return json.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
