package io.ticketing.booking.model;

import java.util.Comparator;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One seat of one schedule, with its grade and price. */
@Entity
@Table(name = "seats")
public class Seat {

    /** Seat-map order: "2열" before "10열" (shorter row names first), then by number. */
    public static final Comparator<Seat> DISPLAY_ORDER = Comparator.comparing((Seat seat) -> seat.row.length())
            .thenComparing(seat -> seat.row).thenComparing(seat -> seat.number);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "schedule_id")
    public Long scheduleId;

    @Column(name = "row_label")
    public String row;

    public Integer number;

    public String grade;

    public Long price;

    /** False once withdrawn by an operator (or for the moment its price changes): it cannot be held. */
    @Column(name = "on_sale")
    public Boolean onSale;

    /** The largest fencing token that booked this seat; a booking with a smaller one is stale. */
    @Column(name = "last_fencing_token")
    public Long lastFencingToken;

    public SeatRef ref() {
        return new SeatRef(row, number);
    }
}
