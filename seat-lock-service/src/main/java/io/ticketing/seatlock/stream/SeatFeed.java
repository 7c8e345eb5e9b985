package io.ticketing.seatlock.stream;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.smallrye.mutiny.Uni;

/**
 * One schedule's seat states as this instance streams them: every seat of the map with its state,
 * the id of the last event applied, the recent events (so a client that reconnects resumes without a
 * gap), and the open streams. {@link SeatFeeds} keeps it, {@link FeedSnapshots} loads it once and
 * {@link FeedReader} feeds it the schedule's events from Redis; every open stream of the schedule on this instance shares it. Changed from the reader's and
 * the clients' threads alike, so every method holds the feed's lock; none does I/O under it.
 */
final class SeatFeed {

    /** The seats a snapshot or a change names, in order, each with its state. */
    record SeatStates(StreamId at, Map<String, String> states) {
    }

    /** Renders events' JSON; kept out of the feed so that the feed holds no JSON library. */
    interface Render {
        String snapshot(long scheduleId, Map<String, String> states);

        String change(Map<String, String> states);
    }

    private final long scheduleId;
    private final int replayKept;
    private final Render render;
    private final Map<String, String> states = new HashMap<>();
    private final ArrayDeque<Stamped> recent = new ArrayDeque<>();
    private final Set<Subscriber> subscribers = new HashSet<>();
    private final List<Subscriber> waiting = new ArrayList<>();
    private volatile Uni<Void> loading;
    private SeatStreamEvent snapshot;
    private StreamId last;
    /** Every event after this id is in {@link #recent}: a client at or after it resumes from there. */
    private StreamId replayFrom;
    private boolean reading;
    private int readsSinceGapCheck;
    private boolean gapSuspected;
    private boolean sweeping;
    private long quietSinceNanos = System.nanoTime();
    private long lastSentNanos = System.nanoTime();

    private record Stamped(StreamId id, SeatStreamEvent event) {
    }

    private record Subscriber(StreamSink sink, StreamId resumeAfter) {
    }

    SeatFeed(long scheduleId, int replayKept, Render render) {
        this.scheduleId = scheduleId;
        this.replayKept = replayKept;
        this.render = render;
    }

    /** The feed's first read of Redis; subscribing to it more than once reads once. */
    void loading(Uni<Void> loading) {
        this.loading = loading;
    }

    Uni<Void> loading() {
        return loading;
    }

    long scheduleId() {
        return scheduleId;
    }

    synchronized boolean loaded() {
        return last != null;
    }

    /** The id after which to read Redis next; null until loaded. */
    synchronized StreamId last() {
        return last;
    }

    /** Claims the one read of Redis under way for this feed; false if one is. */
    synchronized boolean startReading() {
        if (reading || last == null) {
            return false;
        }
        reading = true;
        return true;
    }

    synchronized void doneReading() {
        reading = false;
    }

    /** Reads between two checks for events gone unread (FeedReader.closeGap): about a second. */
    private static final int READS_PER_GAP_CHECK = 20;

    /** Whether this read should first check that no event was lost: every so many reads, and after a failure. */
    synchronized boolean gapCheckDue() {
        if (gapSuspected || ++readsSinceGapCheck >= READS_PER_GAP_CHECK) {
            gapSuspected = false;
            readsSinceGapCheck = 0;
            return true;
        }
        return false;
    }

    synchronized void readFailed() {
        gapSuspected = true;
    }

    /** Claims the one sweep of this schedule's hold ends under way here; false if one is. */
    synchronized boolean startSweeping() {
        if (sweeping) {
            return false;
        }
        sweeping = true;
        return true;
    }

    synchronized void doneSweeping() {
        sweeping = false;
    }

    /**
     * A new stream: it gets the events after {@code resumeAfter} if this feed still has them all, else a
     * snapshot; until the feed is loaded it waits.
     */
    synchronized void subscribe(StreamSink sink, StreamId resumeAfter) {
        Subscriber subscriber = new Subscriber(sink, resumeAfter);
        if (last == null) {
            waiting.add(subscriber);
            return;
        }
        start(subscriber);
    }

    synchronized void unsubscribe(StreamSink sink) {
        subscribers.removeIf(subscriber -> subscriber.sink() == sink);
        waiting.removeIf(subscriber -> subscriber.sink() == sink);
        if (subscribers.isEmpty() && waiting.isEmpty()) {
            quietSinceNanos = System.nanoTime();
        }
    }

    /** No stream for at least this long. */
    synchronized boolean quietFor(long nanos) {
        return subscribers.isEmpty() && waiting.isEmpty() && System.nanoTime() - quietSinceNanos >= nanos;
    }

    /** The seats' states as read from Redis, current up to event {@code at}: the streams waiting start. */
    synchronized void load(SeatStates snapshot) {
        this.snapshot = null;
        states.clear();
        states.putAll(snapshot.states());
        recent.clear();
        last = snapshot.at();
        replayFrom = snapshot.at();
        List<Subscriber> starting = List.copyOf(waiting);
        waiting.clear();
        starting.forEach(this::start);
    }

    /** The map changed (reloaded with a snapshot): every stream starts over from it. */
    synchronized void reload(SeatStates snapshot) {
        load(snapshot);
        SeatStreamEvent event = snapshotEvent();
        for (Subscriber subscriber : List.copyOf(subscribers)) {
            send(subscriber, event);
        }
    }

    /** Nobody can be served (the schedule is unknown, or Redis failed while loading): the waiting fail. */
    synchronized void failWaiting() {
        List<Subscriber> failed = List.copyOf(waiting);
        waiting.clear();
        failed.forEach(subscriber -> subscriber.sink().close());
    }

    /** The changes of one read of Redis, up to event {@code id}: applied, kept for resuming, sent to every stream. */
    synchronized void apply(StreamId id, Map<String, String> changes) {
        if (last == null || id.compareTo(last) <= 0) {
            return;
        }
        last = id;
        states.putAll(changes);
        SeatStreamEvent event = new SeatStreamEvent(id.toString(), "seats", render.change(changes));
        recent.addLast(new Stamped(id, event));
        while (recent.size() > replayKept) {
            replayFrom = recent.removeFirst().id();
        }
        for (Subscriber subscriber : List.copyOf(subscribers)) {
            // A client that resumed from another replica may already have read this far.
            if (subscriber.resumeAfter() == null || id.compareTo(subscriber.resumeAfter()) > 0) {
                send(subscriber, event);
            }
        }
    }

    /** A keep-alive comment to every stream that has had nothing for {@code idleNanos}. */
    synchronized void keepAlive(long idleNanos) {
        long now = System.nanoTime();
        if (now - lastSentNanos < idleNanos) {
            return;
        }
        lastSentNanos = now;
        for (Subscriber subscriber : List.copyOf(subscribers)) {
            send(subscriber, SeatStreamEvent.KEEP_ALIVE);
        }
    }

    /**
     * A client that read up to an id this feed still has everything after resumes from there (one from
     * another replica that read further than this one gets nothing twice); any other, and an id that
     * is no id or from the future, gets a snapshot.
     */
    private void start(Subscriber subscriber) {
        StreamId after = subscriber.resumeAfter();
        boolean plausible = after != null && after.millis() <= System.currentTimeMillis() + 60_000;
        if (plausible && after.compareTo(replayFrom) >= 0) {
            subscribers.add(subscriber);
            for (Stamped stamped : recent) {
                if (stamped.id().compareTo(after) > 0) {
                    send(subscriber, stamped.event());
                }
            }
            return;
        }
        Subscriber fresh = new Subscriber(subscriber.sink(), null);
        subscribers.add(fresh);
        send(fresh, snapshotEvent());
    }

    /** Rendered once per state: a thousand pages opening on a quiet hall cost one rendering. */
    private SeatStreamEvent snapshotEvent() {
        if (snapshot == null || !snapshot.id().equals(last.toString())) {
            snapshot = new SeatStreamEvent(last.toString(), "snapshot", render.snapshot(scheduleId, states));
        }
        return snapshot;
    }

    private void send(Subscriber subscriber, SeatStreamEvent event) {
        lastSentNanos = System.nanoTime();
        subscriber.sink().send(event);
    }
}
