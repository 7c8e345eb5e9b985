package io.ticketing.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The cold-start benchmark, run by scripts/bench.sh right after scripts/local-stack.sh said the
 * stack is ready, with no warm-up of its own: what a sale meets when it opens on a fresh start.
 * <ol>
 * <li>The first burst: COLD_BURST_USERS (300) users press "hold" on one seat at once, and each
 * presses "book" the moment its answer comes (the winner with its hold). Reported: the answers (one
 * 200 and one 201, the rest 409; any 503 is a miss) and whether the winner booked at the first press.</li>
 * <li>Booking throughput (hold, then book, one seat each, BENCH_USERS users) in the first 20 s, the
 * load kept up to two minutes, and again from 120 s to 140 s.</li>
 * <li>RSS of each service at idle (before the burst) and under load (at the end).</li>
 * </ol>
 * One TSV row per run is appended to COLD_START_TSV, which bench.sh prints as a table; the variant
 * (JDK, cache, warm-up) is COLD_START_VARIANT. Every seat sold is checked to be sold exactly once.
 * Each first burst's outcome is appended to COLD_BURSTS_TSV; with COLD_LOAD_SECONDS=0 only the burst runs.
 */
public class ColdStart extends GatewayClient {

    /** The schedule of step 2, made through the operator API once the burst is over. */
    static long loadSchedule;

    /**
     * The schedule of step 2, through the operator API; with SQL, as they were made then, for a
     * build older than the operator API (the Java 17 baseline of scripts/bench.sh, whose booking
     * answers its path with 404).
     */
    static long loadSchedule() throws Exception {
        if (operator("GET", "/events", null).status() != 404) {
            return newSchedule(ROWS, SEATS_PER_ROW);
        }
        long schedule = 900_101;
        sql("INSERT INTO schedules (id, event_id, starts_at) VALUES (" + schedule + ", 1, now() + interval '30 days') "
                + "ON CONFLICT DO NOTHING");
        sql("INSERT INTO seats (schedule_id, row_label, number, grade, price) SELECT " + schedule + ", r || '열', n, 'R', 120000 "
                + "FROM generate_series(1, " + ROWS + ") r, generate_series(1, " + SEATS_PER_ROW + ") n ON CONFLICT DO NOTHING");
        return schedule;
    }
    static final int ROWS = 250;
    static final int SEATS_PER_ROW = 240;
    static final int USERS = Bench.USERS;
    static final int BURST_USERS = Integer.parseInt(System.getenv().getOrDefault("COLD_BURST_USERS", "300"));
    static final int LOAD_SECONDS = Integer.parseInt(System.getenv().getOrDefault("COLD_LOAD_SECONDS", "140"));

    public static void main(String[] args) throws Exception {
        String variant = System.getenv().getOrDefault("COLD_START_VARIANT", "this build");
        long seatLockRssIdle = rssMiB("seat-lock");
        long bookingRssIdle = rssMiB("booking");

        // 1. The first burst, at once: each user presses "hold" on seat 1열-1 of schedule 1 and,
        // the moment the answer comes, "book" (with the hold if it got one; without, it is told the
        // seat is taken). Holds and bookings overlap, as they do when a sale opens.
        String seat = seats("1열", 1);
        List<CompletableFuture<Answer[]>> users = new ArrayList<>();
        for (int i = 0; i < BURST_USERS; i++) {
            String user = "first-" + i;
            users.add(sendAsync(lockRequest(user, 1, seat)).thenCompose(held -> sendAsync(
                    bookRequest(user, 1, seat, held.status() == 200 ? held.field("lock_token") : null))
                    .thenApply(booked -> new Answer[] {held, booked})));
        }
        List<Answer> locks = new ArrayList<>();
        List<Answer> books = new ArrayList<>();
        for (var user : users) {
            Answer[] pair = user.get(2, TimeUnit.MINUTES);
            locks.add(pair[0]);
            books.add(pair[1]);
        }
        long winners = locks.stream().filter(a -> a.status() == 200).count();
        int winnerIndex = locks.indexOf(locks.stream().filter(a -> a.status() == 200).findFirst().orElse(null));
        Answer booked = winnerIndex < 0 ? new Answer(0, "") : books.get(winnerIndex);
        boolean firstPress = booked.status() == 201;
        long busy = locks.stream().filter(a -> a.status() == 503).count() + books.stream().filter(a -> a.status() == 503).count();
        long sold = books.stream().filter(a -> a.status() == 201).count();
        System.out.printf("first burst: %d users hold one seat and book at once: holds %s, bookings %s; the winner's "
                + "booking: %d%s%n", BURST_USERS, statuses(locks), statuses(books), booked.status(),
                firstPress ? " at the first press" : " " + booked.body());
        books.stream().filter(a -> a.status() == 503).limit(3).forEach(a -> System.out.println("  503: " + a.body()));
        if (sold > 1) {
            throw new IllegalStateException("one seat sold " + sold + " times");
        }

        // Every fresh start's first burst, tallied by bench.sh.
        appendRow("COLD_BURSTS_TSV", String.join("\t", variant, firstPress && busy == 0 && winners == 1 ? "clean" : "missed",
                statuses(locks) + " then " + statuses(books), Integer.toString(booked.status())));
        if (LOAD_SECONDS == 0) {
            if (winners != 1) {
                throw new IllegalStateException("not exactly one winner: " + statuses(locks));
            }
            return;
        }

        // 2. Bookings on fresh seats, from the first second to LOAD_SECONDS.
        loadSchedule = loadSchedule();
        int seatCount = ROWS * SEATS_PER_ROW;
        AtomicInteger nextSeat = new AtomicInteger();
        AtomicLong start = new AtomicLong(System.nanoTime());
        long[] bookedAt = new long[seatCount];
        AtomicInteger answered503 = new AtomicInteger();
        long loadEnd = start.get() + LOAD_SECONDS * 1_000_000_000L;
        long[] rssUnderLoad = new long[2];
        runUsers(user -> {
            while (System.nanoTime() < loadEnd) {
                int i = nextSeat.getAndIncrement();
                if (i >= seatCount) {
                    return;
                }
                String one = seats((i / SEATS_PER_ROW + 1) + "열", i % SEATS_PER_ROW + 1);
                Answer held = send(lockRequest("cold-" + user, loadSchedule, one));
                Answer result = held.status() == 200 ? book("cold-" + user, loadSchedule, one, held.field("lock_token")) : held;
                if (result.status() == 201) {
                    bookedAt[i] = System.nanoTime();
                } else if (result.status() == 503) {
                    answered503.incrementAndGet();
                }
                if (user == 0 && rssUnderLoad[0] == 0 && System.nanoTime() > loadEnd - 5_000_000_000L) {
                    rssUnderLoad[0] = rssMiB("seat-lock");
                    rssUnderLoad[1] = rssMiB("booking");
                }
            }
        });
        double first20 = perSecond(bookedAt, start.get(), 0, 20);
        double after120 = LOAD_SECONDS >= 140 ? perSecond(bookedAt, start.get(), 120, 140) : Double.NaN;
        String stored = sql("SELECT count(*) FROM booked_seats b JOIN seats s ON s.id = b.seat_id WHERE s.schedule_id = "
                + loadSchedule + " AND b.active");
        String twice = sql("SELECT count(*) FROM (SELECT seat_id FROM booked_seats WHERE active GROUP BY seat_id "
                + "HAVING count(*) > 1) t");
        long answered201 = Arrays.stream(bookedAt).filter(t -> t != 0).count();
        System.out.printf("bookings: first 20 s %.0f/s, 120-140 s %.0f/s (%d booked, %s stored, %d answers were 503, "
                + "%s seats sold twice)%n", first20, after120, answered201, stored, answered503.get(), twice);
        System.out.printf("RSS MiB: seat-lock %d idle, %d under load; booking %d idle, %d under load%n", seatLockRssIdle,
                rssUnderLoad[0], bookingRssIdle, rssUnderLoad[1]);

        String row = String.join("\t", variant, readyMs("seat-lock"), readyMs("booking"), statuses(locks) + " then " + statuses(books),
                firstPress ? "yes" : "no (" + booked.status() + ")", Long.toString(busy), String.format("%.0f", first20),
                Double.isNaN(after120) ? "-" : String.format("%.0f", after120),
                Double.isNaN(after120) ? "-" : String.format("%.0f%%", 100 * first20 / after120),
                seatLockRssIdle + " / " + rssUnderLoad[0], bookingRssIdle + " / " + rssUnderLoad[1]);
        appendRow("COLD_START_TSV", row);
        if (winners != 1 || !twice.equals("0") || !stored.equals(Long.toString(answered201))) {
            throw new IllegalStateException("wrong answers: " + winners + " winners, " + twice + " seats sold twice, "
                    + answered201 + " answered 201 but " + stored + " stored");
        }
    }

    interface UserLoop {
        void run(int user) throws Exception;
    }

    /** Runs the loop for every user at once, a thread each (the JDK client blocks); waits for all. */
    static void runUsers(UserLoop loop) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(USERS);
        try {
            List<Future<?>> users = new ArrayList<>();
            for (int u = 0; u < USERS; u++) {
                int user = u;
                users.add(pool.submit(() -> {
                    loop.run(user);
                    return null;
                }));
            }
            for (var user : users) {
                user.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static void appendRow(String variable, String row) throws IOException {
        String tsv = System.getenv(variable);
        if (tsv != null) {
            Files.writeString(Path.of(tsv), row + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    static double perSecond(long[] bookedAt, long start, int fromSecond, int toSecond) {
        long from = start + fromSecond * 1_000_000_000L;
        long to = start + toSecond * 1_000_000_000L;
        return Arrays.stream(bookedAt).filter(t -> t >= from && t < to).count() / (double) (toSecond - fromSecond);
    }

    /** The service's resident memory, from /proc (its pid file is in the stack's folder). */
    static long rssMiB(String service) {
        try {
            String pid = Files.readString(Path.of(System.getenv("STACK_DIR"), service + ".pid")).trim();
            for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (Exception e) {
            // not known
        }
        return -1;
    }

    /** How long the service took from its start to ready, as local-stack.sh measured it. */
    static String readyMs(String service) {
        try {
            return Files.readString(Path.of(System.getenv("STACK_DIR"), service + ".ready-ms")).trim();
        } catch (Exception e) {
            return "?";
        }
    }
}
