package io.ticketing.booking.booking;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.ticketing.booking.error.BookingException;
import io.ticketing.booking.error.ErrorCode;
import io.ticketing.booking.model.Booking;
import io.ticketing.booking.model.Seat;
import io.ticketing.booking.repository.BookedSeatRepository;
import io.ticketing.booking.repository.BookingRepository;

/** The read side of bookings: a user's own, one or a page at a time, with their seats. */
@ApplicationScoped
public class BookingQueries {

    private final BookingRepository bookings;
    private final BookedSeatRepository bookedSeats;

    BookingQueries(BookingRepository bookings, BookedSeatRepository bookedSeats) {
        this.bookings = bookings;
        this.bookedSeats = bookedSeats;
    }

    public BookingDetails get(String userId, long bookingId) {
        Booking booking = bookings.findOwned(bookingId, userId)
                .orElseThrow(() -> new BookingException(ErrorCode.BOOKING_NOT_FOUND, Long.toString(bookingId)));
        return withSeats(booking);
    }

    public List<BookingDetails> page(String userId, int page, int size) {
        return withSeats(bookings.pageOf(userId, page, size));
    }

    public long count(String userId) {
        return bookings.countOf(userId);
    }

    BookingDetails withSeats(Booking booking) {
        return withSeats(List.of(booking)).get(0);
    }

    private List<BookingDetails> withSeats(List<Booking> list) {
        Map<Long, List<Seat>> seatsByBooking = bookedSeats.seatsOf(list.stream().map(booking -> booking.id).toList());
        return list.stream().map(booking -> new BookingDetails(booking, seatsByBooking.getOrDefault(booking.id, List.of())))
                .toList();
    }
}
