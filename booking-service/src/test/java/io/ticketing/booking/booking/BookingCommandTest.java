package io.ticketing.booking.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.ticketing.booking.model.SeatRef;

/** The request hash that tells a replay (same body) from a reused Idempotency-Key (another body). */
class BookingCommandTest {

    @Test
    void theSameSeatsInAnyOrderAreTheSameRequest() {
        assertEquals(command(new SeatRef("1열", 2), new SeatRef("2열", 1)).requestHash(),
                command(new SeatRef("2열", 1), new SeatRef("1열", 2)).requestHash());
    }

    @Test
    void rowsContainingTheSeparatorsDoNotCollide() {
        // Issue 9, hole 8: seats were joined as "row:number" with ",", and a row may contain both, so
        // one seat in row "A:1,B" and two seats A-1 and B-2 had the same hash: a replay of the other.
        assertNotEquals(command(new SeatRef("A:1,B", 2)).requestHash(),
                command(new SeatRef("A", 1), new SeatRef("B", 2)).requestHash());
    }

    private static BookingCommand command(SeatRef... seats) {
        return new BookingCommand(1, 1, List.of(seats), null, "key-1");
    }
}
