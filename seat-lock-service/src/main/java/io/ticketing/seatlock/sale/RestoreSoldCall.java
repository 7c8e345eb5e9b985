package io.ticketing.seatlock.sale;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.ticketing.seatlock.model.Seat;
import io.ticketing.seatlock.redis.LuaScript;
import io.ticketing.seatlock.redis.ScriptCall;
import io.ticketing.seatlock.redis.SeatKeys;
import io.vertx.mutiny.redis.client.Response;

/**
 * restore_sold.lua: the sold markers of some bookings of one schedule set again from booking's
 * database; a page of a whole schedule's rebuild when {@code rebuild} is given. Every key it touches
 * is in KEYS, all in the schedule's slot.
 */
record RestoreSoldCall(long scheduleId, SoldMarkers.Rebuild rebuild, Instant soldUntil, List<SoldBooking> bookings)
        implements ScriptCall<SoldMarkers.Restored> {

    /** How long a rebuild may pause between pages before another one may take it over. */
    static final Duration LEASE = Duration.ofSeconds(30);

    @Override
    public LuaScript script() {
        return LuaScript.RESTORE_SOLD;
    }

    @Override
    public List<String> keys() {
        List<String> keys = new ArrayList<>(List.of(SeatKeys.index(scheduleId), SeatKeys.soldComplete(scheduleId),
                SeatKeys.soldRebuild(scheduleId), SeatKeys.events(scheduleId), SeatKeys.holdEnds(scheduleId)));
        for (SoldBooking booking : bookings) {
            keys.add(SeatKeys.cancelled(scheduleId, booking.bookingId()));
            keys.add(SeatKeys.userSeats(scheduleId, booking.owner()));
            for (Seat seat : booking.seats()) {
                keys.add(SeatKeys.seat(scheduleId, seat));
            }
        }
        return keys;
    }

    @Override
    public List<String> args() {
        List<String> args = new ArrayList<>(List.of(rebuild == null ? "" : rebuild.lease(),
                rebuild != null && rebuild.first() ? "first" : "", rebuild != null && rebuild.last() ? "last" : "",
                Long.toString(LEASE.toMillis()), soldUntil == null ? "" : Long.toString(soldUntil.toEpochMilli()),
                Integer.toString(bookings.size())));
        for (SoldBooking booking : bookings) {
            args.add(booking.owner());
            args.add(Long.toString(booking.bookingId()));
            args.add(Integer.toString(booking.seats().size()));
            booking.seats().forEach(seat -> args.add(seat.member()));
        }
        return args;
    }

    @Override
    public SoldMarkers.Restored read(Response reply) {
        long code = reply.get(0).toLong();
        if (code == -1) {
            return new SoldMarkers.Restored(0, SoldMarkers.Refusal.LEASE_LOST);
        }
        if (code == -2) {
            return new SoldMarkers.Restored(0, SoldMarkers.Refusal.LEASE_TAKEN);
        }
        return new SoldMarkers.Restored((int) code, SoldMarkers.Refusal.NONE);
    }
}
