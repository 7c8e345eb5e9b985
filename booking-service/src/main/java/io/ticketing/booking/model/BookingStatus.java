package io.ticketing.booking.model;

public enum BookingStatus {
    CONFIRMED,
    CANCELLED
}
