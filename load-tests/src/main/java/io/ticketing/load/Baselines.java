package io.ticketing.load;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the engines underneath can do with the same work, measured by the same run on the same
 * machine: the ceilings the services' figures are divided by.
 * <ul>
 * <li>Redis running seat-lock's own hold script (common.lua + lock.lua, as ScriptRunner loads it)
 * with EVALSHA from redis-benchmark, one fresh seat per call.</li>
 * <li>PostgreSQL running the SQL one booking sends (the schedule and seat look-ups, then the
 * transaction: lock_timeout, the seat row FOR UPDATE, the sold check, the booking, its seat, the
 * fencing token) from pgbench, one fresh seat per transaction.</li>
 * </ul>
 */
final class Baselines {

    private Baselines() {
    }

    /** Seats of the seat map the Redis ceiling's holds are made on. */
    static final int CEILING_SEATS = 2_000_000;

    /** Hold scripts per second that Redis runs for redis-benchmark's clients. */
    static double redisLockScript(int requests, int clients) throws Exception {
        Path lua = Path.of("seat-lock-service", "src", "main", "resources", "lua");
        String source = Files.readString(lua.resolve("common.lua")) + "\n" + Files.readString(lua.resolve("lock.lua"));
        String sha = GatewayClient.redis("SCRIPT", "LOAD", source);
        long schedule = 990_001;
        // The sale as booking publishes it: open now, and a seat map of every seat the calls can name
        // (redis-benchmark's __rand_int__ is a zero-padded 12-digit number below -r).
        GatewayClient.redis("HSET", "seat_sale:{" + schedule + "}", "version", "1", "open", "0", "close", "99999999999999");
        GatewayClient.redis("EVAL", "for i = 0, tonumber(ARGV[1]) - 1 do redis.call('SADD', KEYS[1], string.format('b:%012d', i)) end "
                + "return redis.call('SCARD', KEYS[1])", "1", "seat_map:{" + schedule + "}", Integer.toString(CEILING_SEATS));
        // KEYS: hold record, fence counter, schedule index, the user's seats, the user's hold window,
        // the token's abandoned mark, the sale record, the seat map, the seat events (the live seat
        // map's stream, issue 12), the hold ends, one seat; ARGV: owner, token,
        // hold ttl ms, max hold ms, seat limit, window length ms, the seat's member (LockCall's
        // layout). Each __rand_int__ is a random number of its own: a seat and a user per call, as in
        // a sale; 300,000 calls on 2,000,000 seats meet a seat already held about 7 % of the time.
        String out = run(List.of("redis-benchmark", "-p", redisPort(), "-c", Integer.toString(clients), "-n",
                Integer.toString(requests), "-r", Integer.toString(CEILING_SEATS), "--csv", "EVALSHA", sha, "11",
                "seat_hold:{" + schedule + "}:t__rand_int__", "seat_fence:{" + schedule + "}", "seat_index:{" + schedule + "}",
                "seat_user:{" + schedule + "}:u__rand_int__", "seat_user_window:{" + schedule + "}:u__rand_int__",
                "seat_hold_abandoned:{" + schedule + "}:t__rand_int__", "seat_sale:{" + schedule + "}", "seat_map:{" + schedule + "}",
                "seat_events:{" + schedule + "}", "seat_hold_ends:{" + schedule + "}", "seat_lock:{" + schedule + "}:b:__rand_int__",
                "u__rand_int__", "t__rand_int__", "300000", "600000", "8", "1200000", "b:__rand_int__"));
        // --csv: a header line, then "EVALSHA ...","<requests per second>",...
        Matcher m = Pattern.compile("(?m)^\"EVALSHA[^\"]*\",\"([0-9.]+)\"").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("redis-benchmark said: " + out);
        }
        GatewayClient.redis("EVAL", "for _, k in ipairs(redis.call('KEYS', ARGV[1])) do redis.call('DEL', k) end return 0", "0",
                "*{" + schedule + "}*");
        return Double.parseDouble(m.group(1));
    }

    /** Booking transactions per second that PostgreSQL commits for pgbench's clients, on fresh seats. */
    static double postgresBookingSql(int seats, int seconds, int clients) throws Exception {
        long schedule = GatewayClient.newScheduleOfSeats(seats);
        GatewayClient.sql("DROP SEQUENCE IF EXISTS bench_seat; CREATE SEQUENCE bench_seat");
        String first = GatewayClient.sql("SELECT min(id) FROM seats WHERE schedule_id = " + schedule);
        // What Hibernate sends for one booking of one seat (BookingFlow and BookingWriter; seen in
        // pg_stat_statements during the benchmark). pgbench's users book thousands of seats: their
        // per-user limit is lifted here as it is for the benchmark's users.
        String script = """
                \\set schedule %d
                SELECT nextval('bench_seat') - 1 + %s AS seat \\gset
                SELECT quote_literal(row_label) AS row_label, number FROM seats WHERE id = :seat \\gset
                SELECT id, event_id, starts_at FROM schedules WHERE id = :schedule;
                BEGIN;
                SELECT set_config('lock_timeout', '2000ms', true);
                SELECT * FROM seats WHERE schedule_id = :schedule AND (row_label, number) IN ((:row_label, :number)) ORDER BY id FOR UPDATE;
                INSERT INTO user_schedule_seats AS u (user_id, schedule_id, seats) VALUES ('pgbench-' || :client_id, :schedule, 1)
                  ON CONFLICT (user_id, schedule_id) DO UPDATE SET seats = u.seats + EXCLUDED.seats
                  WHERE u.seats + EXCLUDED.seats <= 1000000 RETURNING u.seats;
                INSERT INTO bookings (user_id, schedule_id, status, fencing_token, idempotency_key, request_hash, created_at)
                  VALUES ('pgbench-' || :client_id, :schedule, 'CONFIRMED', :seat, NULL, NULL, now()) RETURNING id AS booking \\gset
                INSERT INTO booked_seats (booking_id, seat_id, active) VALUES (:booking, :seat, true) RETURNING *;
                UPDATE seats SET last_fencing_token = :seat WHERE id = :seat;
                COMMIT;
                """.formatted(schedule, first);
        Path file = Path.of("target", "bench", "booking-transaction.sql");
        Files.createDirectories(file.getParent());
        Files.writeString(file, script);
        String out = run(List.of("pgbench", "-n", "-M", "prepared", "-c", Integer.toString(clients), "-j", "2", "-T", Integer.toString(seconds),
                "-f", file.toString(), "-h", GatewayClient.env("PGHOST", "127.0.0.1"), "-p",
                GatewayClient.env("PGPORT", "5432"), "-U", GatewayClient.env("PGUSER", "postgres"), GatewayClient.DB));
        Matcher m = Pattern.compile("tps = ([0-9.]+)").matcher(out);
        Matcher failed = Pattern.compile("number of failed transactions: ([0-9]+)").matcher(out);
        if (!m.find() || (failed.find() && !failed.group(1).equals("0"))) {
            throw new IllegalStateException("pgbench said: " + out);
        }
        return Double.parseDouble(m.group(1));
    }

    static String redisPort() {
        return GatewayClient.env("REDIS_PORT", "6379");
    }

    static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(command.get(0) + " failed: " + out);
        }
        return out;
    }
}
