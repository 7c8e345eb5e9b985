package io.ticketing.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;

/**
 * Many open live seat-map streams (Server-Sent Events) of one schedule, as that many open pages: every
 * stream reads everything it is sent; the first {@code measured} also note when each seat was first
 * shown taken (HELD or BOOKED), for the delivery times. Reading all of them fully would make this
 * client, on the same machine, the bottleneck; a sample of streams measured is what a sample of
 * pages would see, and all of them cost the service alike. One Vert.x event loop of its own.
 */
final class StreamWatchers implements AutoCloseable {

    private static final Pattern TAKEN = Pattern.compile("\\{\"row\":\"((?:[^\"\\\\]|\\\\.)*)\",\"number\":(\\d+),\"state\":\"(HELD|BOOKED)\"\\}");

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
    private final HttpClient http;
    private final LoadClient.Target target;
    private final String path;
    private final int measured;
    /** For each seat, when each measured stream first showed it taken (nanoTime; 0: not yet). */
    private final Map<String, long[]> takenAt = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicInteger ended = new AtomicInteger();
    private final List<HttpClientResponse> responses = new ArrayList<>();

    StreamWatchers(LoadClient.Target target, long schedule, int streams, int measured) {
        this.target = target;
        this.path = "/api/v1/tickets/schedules/" + schedule + "/seats/stream";
        this.measured = measured;
        this.http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(10_000).setKeepAlive(false),
                new PoolOptions().setHttp1MaxSize(streams + 10).setMaxWaitQueueSize(-1));
    }

    /** Opens the streams, a few hundred at a time, and returns once each has had its snapshot. */
    void open(int streams) throws Exception {
        for (int first = 0; first < streams; first += 200) {
            List<Future<Void>> opened = new ArrayList<>();
            for (int i = first; i < Math.min(streams, first + 200); i++) {
                opened.add(openOne(i));
            }
            Future.all(opened).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        }
    }

    private Future<Void> openOne(int index) {
        Promise<Void> snapshot = Promise.promise();
        StringBuilder pending = new StringBuilder();
        http.request(HttpMethod.GET, target.port(), target.host(), path)
                .compose(request -> request.putHeader("Accept", "text/event-stream").send())
                .onSuccess(response -> {
                    if (response.statusCode() != 200) {
                        snapshot.tryFail("stream " + index + ": HTTP " + response.statusCode());
                        return;
                    }
                    synchronized (responses) {
                        responses.add(response);
                    }
                    response.handler(chunk -> {
                        bytes.addAndGet(chunk.length());
                        if (index < measured) {
                            read(index, chunk, pending, snapshot);
                        } else if (!snapshot.future().isComplete() && chunk.toString().contains("event:snapshot")) {
                            snapshot.tryComplete();
                        }
                    });
                    response.endHandler(v -> ended.incrementAndGet());
                    response.exceptionHandler(e -> ended.incrementAndGet());
                })
                .onFailure(snapshot::tryFail);
        return snapshot.future();
    }

    /** Whole events only: a chunk may end in the middle of one. */
    private void read(int stream, Buffer chunk, StringBuilder pending, Promise<Void> snapshot) {
        long now = System.nanoTime();
        pending.append(chunk.toString());
        int end;
        while ((end = pending.indexOf("\n\n")) >= 0) {
            String event = pending.substring(0, end);
            pending.delete(0, end + 2);
            if (event.contains("event:snapshot")) {
                snapshot.tryComplete();
                continue;
            }
            Matcher seat = TAKEN.matcher(event);
            while (seat.find()) {
                long[] at = takenAt.computeIfAbsent(seat.group(1) + ":" + seat.group(2), member -> new long[measured]);
                if (at[stream] == 0) {
                    at[stream] = now;
                }
            }
        }
    }

    /** When each measured stream first showed the seat taken (0: it has not). */
    long[] takenAt(String member) {
        return takenAt.getOrDefault(member, new long[measured]);
    }

    long bytes() {
        return bytes.get();
    }

    /** Streams the service ended (it closes one that falls too far behind; a page would reconnect). */
    int ended() {
        return ended.get();
    }

    @Override
    public void close() {
        synchronized (responses) {
            responses.forEach(response -> response.request().connection().close());
        }
        http.close();
        vertx.close();
    }
}
