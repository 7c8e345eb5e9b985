package io.ticketing.booking.model;

/** A seat as clients name it: row (e.g. "1열") and number. */
public record SeatRef(String row, Integer number) {

    @Override
    public String toString() {
        return row + "-" + number + "번";
    }
}
