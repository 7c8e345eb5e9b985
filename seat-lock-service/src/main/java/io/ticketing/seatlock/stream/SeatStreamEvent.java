package io.ticketing.seatlock.stream;

import java.nio.charset.StandardCharsets;

import io.vertx.core.buffer.Buffer;

/**
 * What a live seat-map stream sends: a named event ({@code snapshot} or {@code seats}) with its id and
 * JSON data, or, with no name, a keep-alive comment. Encoded as Server-Sent Events once, however many
 * streams it goes to (a write shares the bytes).
 */
final class SeatStreamEvent {

    static final SeatStreamEvent KEEP_ALIVE = new SeatStreamEvent(null, null, null);
    /** A comment line: what a stream starts with (its headers go out at once) and what keeps it open. */
    public static final Buffer KEEP_ALIVE_BYTES = KEEP_ALIVE.encoded();

    private final String id;
    private final String name;
    private final String data;
    private volatile Buffer encoded;

    SeatStreamEvent(String id, String name, String data) {
        this.id = id;
        this.name = name;
        this.data = data;
    }

    String id() {
        return id;
    }

    String name() {
        return name;
    }

    /** The event as the stream carries it: {@code id:}, {@code event:}, {@code data:} lines and a blank line. */
    Buffer encoded() {
        Buffer bytes = encoded;
        if (bytes == null) {
            String text = name == null ? ": keep-alive\n\n" : "id:" + id + "\nevent:" + name + "\ndata:" + data + "\n\n";
            bytes = Buffer.buffer(text.getBytes(StandardCharsets.UTF_8));
            encoded = bytes;
        }
        return bytes;
    }
}
