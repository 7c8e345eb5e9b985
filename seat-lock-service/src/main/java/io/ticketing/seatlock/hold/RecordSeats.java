package io.ticketing.seatlock.hold;

import java.util.Arrays;
import java.util.List;

import io.ticketing.seatlock.redis.SeatKeys;
import io.vertx.mutiny.redis.client.Response;

/**
 * The seats (and, for a claim, the hold it came from) of a hold or claim record, read just before
 * a script that acts on them: release, extend and abort find their seats in the record, and read
 * first, they can declare every seat key in KEYS, as Redis Cluster requires (a key a script does not
 * declare may sit on another node while its slot migrates). The script compares the record with
 * what was read and answers {@link SeatOutcome.RecordChanged} if it changed in between.
 */
record RecordSeats(String seats, String origin) {

    /** The reply of {@code HMGET <record> seats origin}; a missing record or field reads as "". */
    static RecordSeats of(Response reply) {
        return new RecordSeats(text(reply.get(0)), text(reply.get(1)));
    }

    List<String> seatKeys(long scheduleId) {
        return seats.isEmpty() ? List.of() : Arrays.stream(seats.split("\n")).map(member -> SeatKeys.seatPrefix(scheduleId) + member).toList();
    }

    private static String text(Response field) {
        return field == null ? "" : field.toString();
    }
}
