package io.ticketing.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.ticketing.load.LoadClient.Target;
import io.vertx.core.Future;

/**
 * The benchmark (scripts/bench.sh runs it on a fresh e2e stack): the loads a ticket sale puts on
 * the system, each printed beside the ceiling of the engine underneath, measured by this same run:
 * Redis running the hold script (redis-benchmark), PostgreSQL running a booking's SQL (pgbench), and
 * the HTTP floor of the gateway and each service (their cheapest endpoint). Speed is printed, never
 * judged; correctness is checked after every scenario against the database and Redis, and a wrong
 * answer fails the run: every seat sold at most once, every 201 stored, every stored booking answered
 * 201, every sold seat marked sold in seat-lock, one winner per contested seat.
 * <p>
 * The first scenario meets the stack cold (right after it said it is ready): bookings through the
 * gateway; the same load runs again at the end, warm, beside bookings direct and with a hold first.
 * Environment: those of GatewayClient, SEAT_LOCK_PORT, BOOKING_PORT, REDIS_PORT, BENCH_USERS (64),
 * BENCH_SECONDS (20 per timed scenario), BENCH_SMOKE=1 (seconds-long, small: checks every scenario's
 * answers, for CI), BENCH_SCENARIOS (a subset, for profiling one path), BENCH_OUT (target/bench).
 */
public class Bench extends GatewayClient {

    static final boolean SMOKE = "1".equals(System.getenv("BENCH_SMOKE"));
    static final int USERS = Integer.parseInt(env("BENCH_USERS", "64"));
    static final int SECONDS = Integer.parseInt(env("BENCH_SECONDS", SMOKE ? "2" : "20"));
    static final int HOT_USERS = SMOKE ? 200 : 1_000;
    static final int HOT_ROUNDS = SMOKE ? 2 : 5;
    static final int SURGE_USERS = SMOKE ? 1_000 : 10_000;
    static final int SURGE_SEATS = SMOKE ? 100 : 1_000;
    /** Seats per booking schedule: more than the fastest run could sell in SECONDS. */
    static final int BOOKING_SEATS = Math.max(5_000, 3_000 * SECONDS);
    /** Seats sold before the seat map is read while others hold (issue 9, hole 7), and its readers. */
    static final int MAP_SOLD = SMOKE ? 200 : 2_000;
    static final int MAP_READERS = 50;

    static final Target GATEWAY_TARGET = Target.of("gateway", GATEWAY);
    static final Target SEAT_LOCK = new Target("seat-lock", "127.0.0.1", Integer.parseInt(env("SEAT_LOCK_PORT", "8081")));
    static final Target BOOKING = new Target("booking", "127.0.0.1", Integer.parseInt(env("BOOKING_PORT", "8082")));

    static final List<Report.Row> ROWS = new ArrayList<>();
    /** CPU per call of the ceilings' own runs (the client here is redis-benchmark or pgbench). */
    static final Map<String, Map<String, Double>> CEILING_CPU = new LinkedHashMap<>();
    static final long READY_AT = System.nanoTime();
    /** Fresh seats for the holds of one timed scenario: more than the fastest run could hold in SECONDS. */
    static final int FRESH_SEATS = SMOKE ? 20_000 : 25_000 * SECONDS;

    public static void main(String[] args) throws Exception {
        System.out.printf("bench%s: %d users, %d s per timed scenario; gateway %s, seat-lock :%d, booking :%d%n",
                SMOKE ? " (smoke: answers checked, figures meaningless)" : "", USERS, SECONDS, GATEWAY, SEAT_LOCK.port(),
                BOOKING.port());
        try (LoadClient client = new LoadClient(Math.max(USERS, HOT_USERS))) {
            if (runs("cold")) {
                bookings(client, GATEWAY_TARGET, false, "cold: first after ready");
            }
            if (runs("floor")) {
                floor(client, GATEWAY_TARGET, "/gateway/health");
                floor(client, SEAT_LOCK, "/q/health/live");
                floor(client, BOOKING, "/q/health/live");
            }
            if (runs("holds")) {
                holdsOnFreshSeats(client, SEAT_LOCK);
                holdsOnFreshSeats(client, GATEWAY_TARGET);
                holdsOnTakenSeats(client, GATEWAY_TARGET);
            }
            if (runs("map")) {
                holdsWhileTheSeatMapIsRead(client, SEAT_LOCK);
            }
            if (runs("streams")) {
                // As many users as the machine serves without queueing, then the 500 of the issue.
                for (int users : SMOKE ? new int[] { 50 } : new int[] { USERS, 500 }) {
                    streams(client, GATEWAY_TARGET, users);
                }
            }
            if (runs("hot")) {
                hotSeat(client, GATEWAY_TARGET);
            }
            if (runs("surge")) {
                surge(client, GATEWAY_TARGET);
            }
            // Last, one after the other, so that direct and through the gateway meet equally warm JVMs.
            if (runs("book")) {
                bookings(client, BOOKING, false, "warm");
                bookings(client, GATEWAY_TARGET, false, "warm");
                bookings(client, GATEWAY_TARGET, true, "warm");
            }
        }
        if (!runs("ceilings")) {
            Report.print(ROWS, Map.of(), CEILING_CPU, SMOKE);
            return;
        }
        System.out.println("\n== baselines, same machine, same run ==");
        CpuMeter redisCpu = new CpuMeter();
        int redisCalls = SMOKE ? 20_000 : 300_000;
        double redis = Baselines.redisLockScript(redisCalls, 50);
        CEILING_CPU.put("ceiling: Redis, hold script", redisCpu.perOperation(redisCalls));
        System.out.printf("Redis, the hold script by EVALSHA (redis-benchmark, 50 clients): %.0f/s%n", redis);
        CpuMeter postgresCpu = new CpuMeter();
        double postgres = Baselines.postgresBookingSql(Math.max(20_000, 12_000 * SECONDS), SECONDS, 32);
        CEILING_CPU.put("ceiling: PostgreSQL, booking SQL", postgresCpu.perOperation(Math.round(postgres * SECONDS)));
        System.out.printf("PostgreSQL, one booking's SQL (pgbench, 32 clients): %.0f/s%n", postgres);
        Report.print(ROWS, Map.of("redis", redis, "postgres", postgres), CEILING_CPU, SMOKE);
    }

    /**
     * Signs every user's token before the clock starts: an RSA signature costs the client about a
     * millisecond, which would block its event loop in the middle of a burst.
     */
    static void signTokens(int users, IntFunction<String> name) {
        IntStream.range(0, users).parallel().forEach(u -> token(name.apply(u)));
    }

    /** BENCH_SCENARIOS (comma-separated; default all): cold, floor, holds, map, streams, hot, surge, book, ceilings. */
    static boolean runs(String scenario) {
        String only = System.getenv("BENCH_SCENARIOS");
        return only == null || only.isBlank() || List.of(only.split(",")).contains(scenario);
    }

    // ---- scenarios ---------------------------------------------------------------------------

    /** The cheapest request a part answers: what HTTP alone costs there. */
    static void floor(LoadClient client, Target target, String path) throws Exception {
        Timings get = new Timings();
        CpuMeter cpu = new CpuMeter();
        long elapsed = VirtualUsers.run(client, "floor " + target.name(), USERS, Duration.ofSeconds(Math.max(1, SECONDS / 2)),
                user -> client.timed(get, client.get(target, null, path)).map(true), () -> progress(get));
        Map<String, Double> used = cpu.perOperation(get.count(200));
        get.expectOnly("floor " + target.name(), 200);
        ROWS.add(row("HTTP floor: GET " + path, target, get, get.count(200), elapsed, "floor", "", used));
    }

    /** Every request holds a seat nobody held before: seat-lock's hold path at full speed. */
    static void holdsOnFreshSeats(LoadClient client, Target target) throws Exception {
        long schedule = newScheduleWithRows(row("h", FRESH_SEATS));
        Timings lock = new Timings();
        AtomicInteger next = new AtomicInteger();
        signTokens(USERS, user -> "holder-" + user);
        CpuMeter cpu = new CpuMeter();
        long elapsed = VirtualUsers.run(client, "holds " + target.name(), USERS, Duration.ofSeconds(SECONDS),
                user -> client.timed(lock, client.post(target, "holder-" + user, "/api/v1/tickets/seats/lock",
                        lockBody(schedule, seats("h", next.incrementAndGet())))).map(true), () -> progress(lock));
        Map<String, Double> used = cpu.perOperation(lock.count(200));
        lock.expectOnly("holds on fresh seats", 200, 503);
        // Seat-lock's store agrees: one seat key per hold granted.
        long keys = Long.parseLong(redis("EVAL", "return #redis.call('KEYS', ARGV[1])", "0", "seat_lock:{" + schedule + "}:*"));
        check(keys == lock.count(200), lock.count(200) + " holds granted but " + keys + " seats held in Redis");
        ROWS.add(row("holds, fresh seats", target, lock, lock.count(200), elapsed, "redis", "", used));
    }

    /**
     * Issue 9, hole 7: holds while people watch the seat map. MAP_SOLD seats of a schedule are sold
     * first (through booking, so also marked sold in seat-lock); then USERS hold (and let go) fresh
     * seats of it, half the time alone and half the time while MAP_READERS clients read its seat map (booking's,
     * which asks seat-lock for the holds) every half second, as a seat-map page does. The holds' p99
     * should not move: reading the map must cost neither more with every seat sold nor the holds' turn.
     */
    static void holdsWhileTheSeatMapIsRead(LoadClient client, Target target) throws Exception {
        long schedule = newScheduleWithRows(rowsOfSeats(MAP_SOLD) + "," + row("m", FRESH_SEATS));
        Timings sell = new Timings();
        Set<Long> sold = ConcurrentHashMap.newKeySet();
        AtomicInteger nextSeat = new AtomicInteger();
        signTokens(USERS, user -> "map-buyer-" + schedule + "-" + user);
        VirtualUsers.run(client, "selling " + MAP_SOLD + " seats", USERS, Duration.ofMinutes(5), user -> {
            int i = nextSeat.getAndIncrement();
            return i >= MAP_SOLD ? Future.succeededFuture(false)
                    : client.timed(sell, client.post(BOOKING, "map-buyer-" + schedule + "-" + user, "/api/v1/tickets/bookings",
                            bookBody(schedule, seatOf(i), null))).map(a -> {
                                if (a.status() == 201) {
                                    sold.add(Long.parseLong(a.field("booking_id")));
                                }
                                return true;
                            });
        }, () -> progress(sell));
        sell.expectOnly("selling before the seat map is read", 201);
        checkBookings(schedule, sold, sell.count(201));

        signTokens(USERS, user -> "map-holder-" + user);
        signTokens(MAP_READERS, reader -> "map-reader-" + reader);
        String map = "/api/v1/tickets/schedules/" + schedule + "/seats";
        AtomicInteger nextFresh = new AtomicInteger();
        for (int readers : new int[] { 0, MAP_READERS }) {
            Timings lock = new Timings();
            Timings read = new Timings();
            CpuMeter cpu = new CpuMeter();
            long elapsed = VirtualUsers.run(client, "holds, map read by " + readers, USERS + readers,
                    Duration.ofSeconds(Math.max(1, SECONDS / 2)), user -> user < USERS
                            ? holdAndLetGo(client, target, lock, "map-holder-" + user, schedule, seats("m", nextFresh.incrementAndGet()))
                            : client.timed(read, client.get(GATEWAY_TARGET, "map-reader-" + (user - USERS), map))
                                    .compose(a -> client.pause(500)).map(true),
                    () -> progress(lock));
            lock.expectOnly("holds while the map is read by " + readers, 200, 503);
            read.expectOnly("seat map reads", 200);
            String title = readers == 0 ? "holds, " + MAP_SOLD + " seats sold, nobody reads the map"
                    : "holds while " + readers + " clients read the seat map every 0.5 s (" + read.count(200) + " reads, p99 "
                            + Math.round(read.millis(99)) + " ms)";
            ROWS.add(row(title, target, lock, lock.count(200), elapsed, "redis", "", cpu.perOperation(lock.count(200))));
        }
    }

    /**
     * Holds a seat, timed, then releases it, untimed: a holder who changes their mind, so that the
     * schedule's held seats stay about as many as its holders, as in a hall, however long the run.
     */
    static Future<Boolean> holdAndLetGo(LoadClient client, Target target, Timings lock, String user, long schedule, String seat) {
        return client.timed(lock, client.post(target, user, "/api/v1/tickets/seats/lock", lockBody(schedule, seat)))
                .compose(held -> held.status() != 200 ? Future.succeededFuture(true)
                        : client.post(target, user, "/api/v1/tickets/seats/release",
                                "{\"schedule_id\":" + schedule + ",\"lock_token\":\"" + held.field("lock_token") + "\"}").map(true));
    }

    /**
     * Issue 12: the live seat map during a sale. {@code users} hold and book fresh seats of one
     * schedule, first with no stream open, then while STREAMS live seat-map streams of it are open
     * through the gateway (that many pages of the hall): the holds per second beside each other, and
     * how long after a hold's 200 the change reached the streams, timed on STREAMS_TIMED of them: per
     * stream (p50, p99), and until every timed stream had it.
     */
    static void streams(LoadClient client, Target target, int users) throws Exception {
        int streams = SMOKE ? 100 : 2_000;
        int timed = SMOKE ? 10 : 50;
        // A large hall: every stream starts with a snapshot of all of it.
        int hall = SMOKE ? 2_000 : 8_000;
        signTokens(users, user -> "watched-" + user);
        String who = " (" + users + " users)";
        lockAndBook(client, target, newScheduleWithRows(row("w", hall)), hall, users, new ConcurrentHashMap<>(),
                "holds then bookings, no stream open" + who);
        long schedule = newScheduleWithRows(row("w", hall));
        try (StreamWatchers watchers = new StreamWatchers(GATEWAY_TARGET, schedule, streams, timed)) {
            watchers.open(streams);
            Map<String, Long> heldAt = new ConcurrentHashMap<>();
            long elapsed = lockAndBook(client, target, schedule, hall, users, heldAt,
                    "holds then bookings while " + streams + " seat-map streams are open" + who);
            Thread.sleep(2_000);
            Timings perStream = new Timings();
            Timings everyStream = new Timings();
            long missing = 0;
            for (Map.Entry<String, Long> held : heldAt.entrySet()) {
                long latest = 0;
                boolean all = true;
                for (long seen : watchers.takenAt(held.getKey())) {
                    if (seen == 0) {
                        missing++;
                        all = false;
                        continue;
                    }
                    // A change can reach a stream before this client has read the hold's own answer.
                    long took = Math.max(0, seen - held.getValue());
                    perStream.record(200, took);
                    latest = Math.max(latest, took);
                }
                if (all) {
                    everyStream.record(200, latest);
                }
            }
            check(missing == 0, missing + " changes never reached a timed stream");
            String of = " (" + timed + " of " + streams + " streams timed, " + watchers.ended() + " ended by the service, "
                    + watchers.bytes() / 1_000_000 + " MB read)";
            ROWS.add(row("stream delivery: hold's 200 -> one stream" + who + of, GATEWAY_TARGET, perStream, perStream.count(), elapsed,
                    "", "", Map.of()));
            ROWS.add(row("stream delivery: hold's 200 -> every timed stream" + who, GATEWAY_TARGET, everyStream, everyStream.count(),
                    elapsed, "", "", Map.of()));
        }
    }

    /** Each user holds a fresh seat, then books it with the hold; notes when each hold was granted. */
    static long lockAndBook(LoadClient client, Target target, long schedule, int hall, int users, Map<String, Long> heldAt,
            String title) throws Exception {
        AtomicInteger next = new AtomicInteger();
        Timings lock = new Timings();
        Timings book = new Timings();
        CpuMeter cpu = new CpuMeter();
        long elapsed = VirtualUsers.run(client, title, users, Duration.ofSeconds(Math.max(1, SECONDS / 2)), user -> {
            int seat = next.incrementAndGet();
            if (seat > hall) {
                return Future.succeededFuture(false);
            }
            String buyer = "watched-" + user;
            return client.timed(lock, client.post(target, buyer, "/api/v1/tickets/seats/lock", lockBody(schedule, seats("w", seat))))
                    .compose(held -> {
                        if (held.status() != 200) {
                            return Future.succeededFuture(true);
                        }
                        heldAt.put("w:" + seat, System.nanoTime());
                        return client.timed(book, client.post(target, buyer, "/api/v1/tickets/bookings",
                                bookBody(schedule, seats("w", seat), held.field("lock_token")))).map(true);
                    });
        }, () -> progress(lock));
        // Past what this machine serves, answers come late: 503 (a deadline passed, nothing stored) and
        // the gateway's 504 are counted, not failures of the bench.
        lock.expectOnly(title + ": holds", 200, 503, 504);
        book.expectOnly(title + ": bookings", 201, 503, 504);
        ROWS.add(row(title + ": " + book.count(201) + " booked", target, lock, lock.count(200), elapsed,
                "redis", "", cpu.perOperation(lock.count(200))));
        return elapsed;
    }

    /** Every request asks for a seat someone else holds: the 409 path, which a sale mostly answers. */
    static void holdsOnTakenSeats(LoadClient client, Target target) throws Exception {
        int taken = 200;
        long schedule = newScheduleWithRows(row("t", taken));
        for (int seat = 1; seat <= taken; seat++) {
            check(lock("owner", schedule, seats("t", seat)).status() == 200, "the owner could not hold seat " + seat);
        }
        Timings lock = new Timings();
        signTokens(USERS, user -> "taker-" + user);
        CpuMeter cpu = new CpuMeter();
        long elapsed = VirtualUsers.run(client, "taken " + target.name(), USERS, Duration.ofSeconds(SECONDS),
                user -> client.timed(lock, client.post(target, "taker-" + user, "/api/v1/tickets/seats/lock",
                        lockBody(schedule, seats("t", ThreadLocalRandom.current().nextInt(1, taken + 1))))).map(true),
                () -> progress(lock));
        Map<String, Double> used = cpu.perOperation(lock.count(409));
        lock.expectOnly("holds on taken seats", 409, 503);
        String held = get("owner", "/api/v1/tickets/seats?schedule_id=" + schedule).body();
        long stillHeld = held.split("\"number\"", -1).length - 1;
        check(stillHeld == taken, "the owner holds " + stillHeld + " of " + taken + " seats after the attempts: " + held);
        ROWS.add(row("holds, seats taken (409)", target, lock, lock.count(409), elapsed, "redis", "", used));
    }

    /** Each request books a seat nobody took before, with a hold made just before, or straight away. */
    static void bookings(LoadClient client, Target target, boolean withHold, String when) throws Exception {
        int seatCount = BOOKING_SEATS;
        long schedule = newScheduleOfSeats(seatCount);
        Timings lock = new Timings();
        Timings book = new Timings();
        Set<Long> answered = new HashSet<>();
        AtomicInteger next = new AtomicInteger();
        String name = (withHold ? "hold, then book" : "book") + " " + target.name();
        signTokens(USERS, user -> "buyer-" + schedule + "-" + user);
        CpuMeter cpu = new CpuMeter();
        long elapsed = VirtualUsers.run(client, name, USERS, Duration.ofSeconds(SECONDS), user -> {
            int i = next.getAndIncrement();
            if (i >= seatCount) {
                return Future.succeededFuture(false);
            }
            String buyer = "buyer-" + schedule + "-" + user;
            String seat = seatOf(i);
            Future<String> held = withHold
                    ? client.timed(lock, client.post(target, buyer, "/api/v1/tickets/seats/lock", lockBody(schedule, seat)))
                            .map(a -> a.status() == 200 ? a.field("lock_token") : "")
                    : Future.succeededFuture(null);
            return held.compose(token -> "".equals(token) ? Future.succeededFuture(true)
                    : client.timed(book, client.post(target, buyer, "/api/v1/tickets/bookings", bookBody(schedule, seat, token)))
                            .map(a -> {
                                if (a.status() == 201) {
                                    answered.add(Long.parseLong(a.field("booking_id")));
                                }
                                return true;
                            }));
        }, () -> progress(book));
        Map<String, Double> used = cpu.perOperation(book.count(201));
        if (withHold) {
            lock.expectOnly("holds before booking", 200, 503);
        }
        book.expectOnly(name, 201, 503);
        checkBookings(schedule, answered, book.count(201));
        String title = withHold ? "bookings, fresh seats, hold first" : "bookings, fresh seats, no hold";
        ROWS.add(row(title, target, book, book.count(201), elapsed, "postgres", when, used));
    }

    /** HOT_USERS press "hold" on one seat at the same instant; the winner books it. Round after round. */
    static void hotSeat(LoadClient client, Target target) throws Exception {
        long schedule = newScheduleOfSeats(HOT_ROUNDS);
        Timings lock = new Timings();
        Timings book = new Timings();
        Set<Long> answered = new HashSet<>();
        int cleanRounds = 0;
        long elapsed = 0;
        signTokens(HOT_USERS, user -> "fan-" + user);
        for (int round = 0; round < HOT_ROUNDS; round++) {
            String seat = seatOf(round);
            AtomicInteger winners = new AtomicInteger();
            elapsed += VirtualUsers.run(client, "hot seat round " + (round + 1), HOT_USERS, Duration.ofSeconds(60), user -> {
                String fan = "fan-" + user;
                return client.timed(lock, client.post(target, fan, "/api/v1/tickets/seats/lock", lockBody(schedule, seat)))
                        .compose(a -> {
                            if (a.status() != 200) {
                                return Future.succeededFuture(false);
                            }
                            winners.incrementAndGet();
                            return client.timed(book, client.post(target, fan, "/api/v1/tickets/bookings",
                                    bookBody(schedule, seat, a.field("lock_token")))).map(b -> {
                                        if (b.status() == 201) {
                                            answered.add(Long.parseLong(b.field("booking_id")));
                                        }
                                        return false;
                                    });
                        });
            }, () -> progress(lock));
            cleanRounds += winners.get() == 1 ? 1 : 0;
        }
        lock.expectOnly("hot seat", 200, 409, 503);
        check(cleanRounds == HOT_ROUNDS, "only " + cleanRounds + " of " + HOT_ROUNDS + " rounds had exactly one winner");
        check(lock.count() == (long) HOT_USERS * HOT_ROUNDS, "not every user was answered: " + lock.count());
        book.expectOnly("hot seat's winners", 201);
        checkBookings(schedule, answered, HOT_ROUNDS);
        ROWS.add(row(HOT_USERS + " users press one seat at once (x" + HOT_ROUNDS + "), winner books", target, lock,
                lock.count(), elapsed, null, "", null));
    }

    /**
     * SURGE_USERS arrive at once for SURGE_SEATS seats and keep trying until they have one or the
     * schedule is sold out: pick a seat the map shows free, hold it, book it; a 409 sends a user to
     * another seat after a short pause, a 503 to the same one after a longer one.
     */
    static void surge(LoadClient client, Target target) throws Exception {
        int seatCount = SURGE_SEATS;
        long schedule = newScheduleOfSeats(seatCount);
        Timings lock = new Timings();
        Timings book = new Timings();
        Set<Long> answered = new HashSet<>();
        SeatMap map = new SeatMap(seatCount);
        String name = "surge: " + SURGE_USERS + " users, " + seatCount + " seats";
        signTokens(SURGE_USERS, user -> "surge-" + user);
        CpuMeter cpu = new CpuMeter();
        long elapsed = VirtualUsers.run(client, name, SURGE_USERS, Duration.ofSeconds(SMOKE ? 60 : 180), user -> {
            int i = map.pickFree();
            if (i < 0) {
                return Future.succeededFuture(false);
            }
            String fan = "surge-" + user;
            String seat = seatOf(i);
            return client.timed(lock, client.post(target, fan, "/api/v1/tickets/seats/lock", lockBody(schedule, seat)))
                    .compose(a -> {
                        if (a.status() == 200) {
                            return bookUntilAnswered(client, target, book, fan, schedule, seat, a.field("lock_token"))
                                    .map(b -> {
                                        if (b.status() == 201) {
                                            answered.add(Long.parseLong(b.field("booking_id")));
                                            map.sold(i);
                                            return false;
                                        }
                                        return true;
                                    });
                        }
                        if ("SEAT_ALREADY_BOOKED".equals(a.field("code"))) {
                            map.sold(i);
                        }
                        return client.pause(a.status() == 503 ? 500 : 20).map(true);
                    });
        }, () -> progress(book) + ", " + map.free() + " seats free");
        Map<String, Double> used = cpu.perOperation(book.count(201));
        lock.expectOnly("surge holds", 200, 409, 503);
        book.expectOnly("surge bookings", 201, 409, 503);
        check(map.free() == 0 && answered.size() == seatCount, "not sold out: " + answered.size() + " of " + seatCount);
        checkBookings(schedule, answered, seatCount);
        ROWS.add(row("surge: " + SURGE_USERS + " users, " + seatCount + " seats, until sold out", target, book,
                book.count(201), elapsed, "postgres", "", used));
        ROWS.add(row("  ... their holds", target, lock, lock.count(200), elapsed, null, "", null));
    }

    /** Books with the hold, pressing again on 503 while the hold lasts; a refusal gives the hold back. */
    static Future<Answer> bookUntilAnswered(LoadClient client, Target target, Timings book, String fan, long schedule,
            String seat, String token) {
        return client.timed(book, client.post(target, fan, "/api/v1/tickets/bookings", bookBody(schedule, seat, token)))
                .compose(b -> {
                    if (b.status() == 503) {
                        return client.pause(500).compose(v -> bookUntilAnswered(client, target, book, fan, schedule, seat, token));
                    }
                    if (b.status() != 201) {
                        return client.post(target, fan, "/api/v1/tickets/seats/release",
                                "{\"schedule_id\":" + schedule + ",\"lock_token\":\"" + token + "\"}").map(b);
                    }
                    return Future.succeededFuture(b);
                });
    }

    /** The seats a user sees free, as a live seat map would show them (sold ones drop out). */
    static final class SeatMap {
        private final int[] free;
        private int freeCount;

        SeatMap(int seats) {
            free = IntStream.range(0, seats).toArray();
            freeCount = seats;
        }

        synchronized int pickFree() {
            return freeCount == 0 ? -1 : free[ThreadLocalRandom.current().nextInt(freeCount)];
        }

        synchronized void sold(int seat) {
            for (int k = 0; k < freeCount; k++) {
                if (free[k] == seat) {
                    free[k] = free[--freeCount];
                    return;
                }
            }
        }

        synchronized int free() {
            return freeCount;
        }
    }

    // ---- checks against the database and Redis ------------------------------------------------

    /**
     * The stored bookings of the schedule are exactly the ones answered 201; no seat is sold twice;
     * seat-lock marks every sold seat sold (its confirm may lag a moment, so this waits up to 10 s).
     */
    static void checkBookings(long schedule, Set<Long> answered, long answered201) throws Exception {
        check(answered.size() == answered201, answered201 + " answers 201 but " + answered.size() + " booking ids");
        Set<Long> stored = new HashSet<>();
        String ids = sql("SELECT id FROM bookings WHERE schedule_id = " + schedule + " AND status = 'CONFIRMED'");
        for (String id : ids.isBlank() ? new String[0] : ids.split("\\s+")) {
            stored.add(Long.parseLong(id));
        }
        Set<Long> notAnswered = new HashSet<>(stored);
        notAnswered.removeAll(answered);
        Set<Long> notStored = new HashSet<>(answered);
        notStored.removeAll(stored);
        check(notAnswered.isEmpty(), notAnswered.size() + " bookings stored that were never answered 201");
        check(notStored.isEmpty(), notStored.size() + " bookings answered 201 that are not stored");
        String twice = sql("SELECT count(*) FROM (SELECT b.seat_id FROM booked_seats b JOIN seats s ON s.id = b.seat_id "
                + "WHERE s.schedule_id = " + schedule + " AND b.active GROUP BY b.seat_id HAVING count(*) > 1) t");
        check(twice.equals("0"), twice + " seats sold twice");
        long marked = -1;
        for (int i = 0; i < 100 && marked != stored.size(); i++) {
            marked = Long.parseLong(redis("EVAL", "local n = 0 for _, k in ipairs(redis.call('KEYS', ARGV[1])) do "
                    + "local v = redis.call('GET', k) if v and string.find(v, ':booked%-') then n = n + 1 end end return n", "0",
                    "seat_lock:{" + schedule + "}:*"));
            if (marked != stored.size()) {
                Thread.sleep(100);
            }
        }
        check(marked == stored.size(), stored.size() + " seats sold but " + marked + " marked sold in seat-lock");
    }

    static void check(boolean ok, String failure) {
        if (!ok) {
            throw new IllegalStateException(failure);
        }
    }

    // ---- helpers ------------------------------------------------------------------------------


    static String progress(Timings timings) {
        return timings.count() + " answers " + timings.statuses();
    }

    static Report.Row row(String scenario, Target target, Timings timings, long succeeded, long elapsedNanos, String baseline,
            String when, Map<String, Double> cpuPerSuccess) {
        double rate = succeeded * 1e9 / elapsedNanos;
        System.out.printf("%s via %s: %d in %.1f s = %.0f/s, p50 %.1f p99 %.1f max %.1f ms, answers %s%n", scenario,
                target.name(), succeeded, elapsedNanos / 1e9, rate, timings.millis(50), timings.millis(99),
                timings.millis(100), timings.statuses());
        long sinceReady = (System.nanoTime() - READY_AT) / 1_000_000_000L;
        return new Report.Row(scenario, target.name(), (when.isEmpty() ? "" : when + ", ") + "t+" + sinceReady + " s",
                succeeded, rate, timings.millis(50), timings.millis(99), timings.millis(100), timings.statuses().entrySet().stream()
                        .map(e -> e.getKey() + "x" + e.getValue()).collect(Collectors.joining(" ")),
                baseline, cpuPerSuccess);
    }
}
