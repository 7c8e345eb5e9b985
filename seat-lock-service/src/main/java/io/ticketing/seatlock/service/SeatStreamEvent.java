package io.ticketing.seatlock.service;

/**
 * What a live seat-map stream sends: a named event ({@code snapshot} or {@code seats}) with its id and
 * JSON data, or, with no name, a keep-alive comment.
 */
public record SeatStreamEvent(String id, String name, String data) {

    static final SeatStreamEvent KEEP_ALIVE = new SeatStreamEvent(null, null, null);

    public boolean keepAlive() {
        return name == null;
    }
}
