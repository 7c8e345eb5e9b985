package io.ticketing.seatlock.stream;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.ticketing.platform.CommonError;
import io.ticketing.platform.Problems;
import io.ticketing.seatlock.error.ErrorCode;
import io.ticketing.seatlock.error.SeatLockException;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The live seat map, as Server-Sent Events: {@code GET /api/v1/tickets/schedules/{id}/seats/stream}.
 * Open to everyone, as a hall's seat map on a ticket site is: it says which seats are AVAILABLE, HELD
 * or BOOKED, never by whom. The first event is a {@code snapshot} of every seat, then each {@code seats}
 * event carries the seats that changed; each event's id lets a client that reconnects
 * ({@code Last-Event-ID}, which browsers send by themselves) carry on without a gap, or start over from
 * a fresh snapshot.
 * <p>
 * A plain Vert.x route rather than a REST resource: one change goes to thousands of streams, so each
 * event is encoded once and written as the same bytes to every connection, on the connection's own
 * event loop, with no per-stream machinery between. Errors before the stream starts (an unknown
 * schedule, Redis not answering) are problem documents like every other error here.
 */
@ApplicationScoped
class SeatStreamRoute {

    static final String PATH = "/api/v1/tickets/schedules/([^/]+)/seats/stream";

    private final SeatFeeds feeds;
    private final ObjectMapper json;

    SeatStreamRoute(SeatFeeds feeds, ObjectMapper json) {
        this.feeds = feeds;
        this.json = json;
    }

    void register(@Observes Router router) {
        // Before the REST layer's own route, which would answer 404 for this path.
        router.getWithRegex(PATH).order(-100).handler(this::stream);
    }

    private void stream(RoutingContext request) {
        long scheduleId = idOf(request.pathParam("param0"));
        if (scheduleId <= 0) {
            problem(request, new SeatLockException(CommonError.INVALID_FIELD, "schedule_id"));
            return;
        }
        if (feeds.full()) {
            problem(request, new SeatLockException(ErrorCode.TOO_MANY_STREAMS));
            return;
        }
        Context context = Vertx.currentContext();
        // A browser resends the last id itself when it reconnects; the page passes it as a parameter
        // when it opens a new stream after the old one was refused (an EventSource cannot set headers).
        String lastEventId = request.request().getHeader("Last-Event-ID");
        if (lastEventId == null) {
            lastEventId = request.request().getParam("last_event_id");
        }
        String resumeAfter = lastEventId;
        feeds.ready(scheduleId).subscribe().with(
                loaded -> context.runOnContext(v -> start(request, scheduleId, resumeAfter)),
                failure -> context.runOnContext(v -> problem(request, failure instanceof SeatLockException known ? known
                        : new SeatLockException(CommonError.INTERNAL_ERROR))));
    }

    private void start(RoutingContext request, long scheduleId, String lastEventId) {
        HttpServerResponse response = request.response();
        if (response.closed()) {
            return;
        }
        response.setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache")
                // nginx in front: pass each event on as it comes.
                .putHeader("X-Accel-Buffering", "no");
        response.write(SeatStreamEvent.KEEP_ALIVE_BYTES);
        ResponseSink sink = new ResponseSink(request, Vertx.currentContext(), feeds.maxBehindBytes(),
                ended -> feeds.close(scheduleId, ended));
        response.closeHandler(v -> sink.finish());
        feeds.open(scheduleId, lastEventId, sink);
    }

    /** The path's schedule id, or -1 for anything that is not a positive number. */
    static long idOf(String value) {
        try {
            return value.length() > 18 ? -1 : Long.parseLong(value);
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }

    private void problem(RoutingContext request, SeatLockException failure) {
        Problems.end(request, failure.code(), failure.detail(), json);
    }

    /**
     * One open stream: events are written on its connection's event loop; a client whose unread
     * bytes pass the limit (beyond its snapshot) is cut off, and its browser reconnects and resumes.
     * However it ends (the client went, or it was cut off), its feed is told once: a response closed
     * by the server itself gets no close handler from Vert.x.
     */
    private static final class ResponseSink implements StreamSink {

        private final RoutingContext request;
        private final HttpServerResponse response;
        private final Context context;
        private final int maxBehindBytes;
        private final Consumer<StreamSink> onEnd;
        private final AtomicBoolean ended = new AtomicBoolean();
        private volatile boolean closed;

        ResponseSink(RoutingContext request, Context context, int maxBehindBytes, Consumer<StreamSink> onEnd) {
            this.request = request;
            this.response = request.response();
            this.context = context;
            this.maxBehindBytes = maxBehindBytes;
            this.onEnd = onEnd;
            response.setWriteQueueMaxSize(maxBehindBytes);
        }

        /** The stream is over: its feed forgets it and the replica's count of open streams goes down, once. */
        void finish() {
            closed = true;
            if (ended.compareAndSet(false, true)) {
                onEnd.accept(this);
            }
        }

        @Override
        public void send(SeatStreamEvent event) {
            if (!closed) {
                context.runOnContext(v -> write(event));
            }
        }

        private void write(SeatStreamEvent event) {
            if (closed || response.closed()) {
                return;
            }
            if (response.writeQueueFull()) {
                close();
                return;
            }
            if ("snapshot".equals(event.name())) {
                // A large hall's snapshot alone may pass the limit: it counts on top.
                response.setWriteQueueMaxSize(maxBehindBytes + event.encoded().length());
            }
            response.write(event.encoded());
        }

        @Override
        public void close() {
            context.runOnContext(v -> {
                finish();
                // The connection goes at once, also one whose client has stopped reading (an ended
                // response would wait for its queued bytes to be read first).
                request.request().connection().close();
            });
        }
    }
}
