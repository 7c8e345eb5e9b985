package io.ticketing.booking.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A seat of a booking; {@code active} until the booking is cancelled. At most one active row per seat. */
@Entity
@Table(name = "booked_seats")
public class BookedSeat {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "booking_id")
    public Long bookingId;

    @Column(name = "seat_id")
    public Long seatId;

    public Boolean active;
}
