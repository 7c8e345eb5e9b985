package io.ticketing.booking.catalogue;

import io.ticketing.booking.model.SeatRef;

/** An operator's change to one seat: a new grade, a new price, on sale or not. Null fields stay as they are. */
public record SeatChange(SeatRef seat, String grade, Long price, Boolean onSale) {
}
