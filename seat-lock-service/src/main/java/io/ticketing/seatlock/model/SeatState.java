package io.ticketing.seatlock.model;

/** A seat and how its caller sees it: HELD_BY_YOU, HELD, HELD_BY_OTHER, FREE or BOOKED. */
public record SeatState(String row, int number, String status) {

    public SeatState(Seat seat, String status) {
        this(seat.row(), seat.number(), status);
    }
}
