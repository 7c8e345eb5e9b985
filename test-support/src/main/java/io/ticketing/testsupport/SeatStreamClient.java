package io.ticketing.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A client of one live seat-map stream (Server-Sent Events), as a browser's EventSource reads it: it
 * keeps every seat's state as the events say and every event it got, in order, for tests and the
 * benchmark. One platform thread reads the stream; {@link #close} ends it.
 */
public final class SeatStreamClient implements AutoCloseable {

    /** One event: its name ({@code snapshot}, {@code seats}), id and the seats it names. */
    public record Event(String name, String id, Map<String, String> seats, long receivedNanos) {
    }

    private static final Pattern SEAT = Pattern.compile("\\{\"row\":\"((?:[^\"\\\\]|\\\\.)*)\",\"number\":(\\d+),\"state\":\"([A-Z]+)\"\\}");

    private final Map<String, String> states = new ConcurrentHashMap<>();
    private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final List<Event> all = Collections.synchronizedList(new ArrayList<>());
    private final int status;
    private final String contentType;
    private final String errorBody;
    private final Stream<String> lines;
    private volatile BiConsumer<String, Event> listener = (seat, event) -> { };

    private SeatStreamClient(HttpResponse<Stream<String>> response) {
        this.status = response.statusCode();
        this.contentType = response.headers().firstValue("Content-Type").orElse("");
        this.lines = response.body();
        if (status != 200) {
            this.errorBody = String.join("\n", lines.toList());
            return;
        }
        this.errorBody = null;
        Thread reader = new Thread(this::read, "seat-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens {@code <base>/api/v1/tickets/schedules/<id>/seats/stream}, resuming after {@code lastEventId} if given. */
    public static SeatStreamClient open(HttpClient http, URI base, long scheduleId, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/api/v1/tickets/schedules/" + scheduleId + "/seats/stream"))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(10)).GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            return new SeatStreamClient(http.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static SeatStreamClient open(URI base, long scheduleId) {
        return open(HttpClient.newHttpClient(), base, scheduleId, null);
    }

    public int status() {
        return status;
    }

    public String contentType() {
        return contentType;
    }

    /** The body of a refused stream (a problem+json document). */
    public String errorBody() {
        return errorBody;
    }

    /** Called on the reader's thread for every seat each event names, as it arrives. */
    public void onSeat(BiConsumer<String, Event> listener) {
        this.listener = listener;
    }

    /** A seat's state as the stream has told it ("<row>:<number>"), or null if never named. */
    public String state(String row, int number) {
        return states.get(row + ":" + number);
    }

    public Map<String, String> states() {
        return Map.copyOf(states);
    }

    public List<Event> events() {
        synchronized (all) {
            return List.copyOf(all);
        }
    }

    /** The next event, waiting up to {@code timeout}; null if none came. */
    public Event next(Duration timeout) {
        try {
            return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Waits until the stream says the seat is in that state; false if it has not within {@code timeout}. */
    public boolean awaitState(String row, int number, String state, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (state.equals(state(row, number))) {
                return true;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return state.equals(state(row, number));
    }

    /** The id of the last event read. */
    public String lastEventId() {
        synchronized (all) {
            return all.isEmpty() ? null : all.get(all.size() - 1).id();
        }
    }

    @Override
    public void close() {
        lines.close();
    }

    private void read() {
        String name = null;
        String id = null;
        StringBuilder data = new StringBuilder();
        try {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (name != null || data.length() > 0) {
                        dispatch(name == null ? "message" : name, id, data.toString());
                    }
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("data:")) {
                    if (data.length() > 0) {
                        data.append('\n');
                    }
                    data.append(line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5));
                }
            }
        } catch (RuntimeException closed) {
            // close() ends the body: the stream is over.
        }
    }

    private void dispatch(String name, String id, String data) {
        long now = System.nanoTime();
        Map<String, String> seats = new LinkedHashMap<>();
        Matcher seat = SEAT.matcher(data);
        while (seat.find()) {
            seats.put(seat.group(1).replace("\\\"", "\"").replace("\\\\", "\\") + ":" + seat.group(2), seat.group(3));
        }
        Event event = new Event(name, id, seats, now);
        if (name.equals("snapshot")) {
            states.clear();
        }
        states.putAll(seats);
        all.add(event);
        events.add(event);
        seats.keySet().forEach(member -> listener.accept(member, event));
    }
}
