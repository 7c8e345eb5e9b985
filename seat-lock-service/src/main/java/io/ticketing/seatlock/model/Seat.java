package io.ticketing.seatlock.model;

/** One seat of a schedule, named by its row (e.g. "1열") and its number in the row. */
public record Seat(String row, Integer number) {

    /** The part of the Redis key after the schedule: {@code <row>:<number>}. */
    public String member() {
        return row + ":" + number;
    }

    public static Seat fromMember(String member) {
        int colon = member.lastIndexOf(':');
        return new Seat(member.substring(0, colon), Integer.valueOf(member.substring(colon + 1)));
    }

    @Override
    public String toString() {
        return row + "-" + number + "번";
    }
}
