package io.ticketing.seatlock.stream;

/**
 * A Redis stream entry id, {@code <ms>-<seq>}: the id of every seat event, and what a reconnecting
 * client sends back in {@code Last-Event-ID}. Ids are Redis's, so they order events the same on every
 * replica.
 */
record StreamId(long millis, long sequence) implements Comparable<StreamId> {

    /** Before every event: a schedule with no events yet. */
    static final StreamId ZERO = new StreamId(0, 0);

    /** The id, or null for anything that is not one (a client's header is the client's). */
    static StreamId parse(String id) {
        if (id == null) {
            return null;
        }
        int dash = id.indexOf('-');
        try {
            long millis = Long.parseLong(dash < 0 ? id : id.substring(0, dash));
            long sequence = dash < 0 ? 0 : Long.parseLong(id.substring(dash + 1));
            return millis < 0 || sequence < 0 ? null : new StreamId(millis, sequence);
        } catch (NumberFormatException notAnId) {
            return null;
        }
    }

    @Override
    public int compareTo(StreamId other) {
        int byMillis = Long.compare(millis, other.millis);
        return byMillis != 0 ? byMillis : Long.compare(sequence, other.sequence);
    }

    @Override
    public String toString() {
        return millis + "-" + sequence;
    }
}
