package io.ticketing.booking.model;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "bookings")
public class Booking {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "user_id")
    public String userId;

    @Column(name = "schedule_id")
    public Long scheduleId;

    @Enumerated(EnumType.STRING)
    public BookingStatus status;

    /** The fencing token of the seat-lock claim this booking was made under. */
    @Column(name = "fencing_token")
    public Long fencingToken;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    /** SHA-256 of the request, to tell a retry from a different request under the same key. */
    @Column(name = "request_hash")
    public String requestHash;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "cancelled_at")
    public OffsetDateTime cancelledAt;
}
