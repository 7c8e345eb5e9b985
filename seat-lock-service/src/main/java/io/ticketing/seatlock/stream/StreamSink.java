package io.ticketing.seatlock.stream;

/** One open live seat-map stream, as its feed sees it: where its events go. */
interface StreamSink {

    /** Sends the event, or ends the stream if its client has fallen too far behind (it reconnects). */
    void send(SeatStreamEvent event);

    /** Ends the stream (its feed could not be loaded). */
    void close();
}
