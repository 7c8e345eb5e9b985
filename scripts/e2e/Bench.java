import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark: the three loads a ticket sale puts on the system, through the gateway to the
 * packaged services on real Redis and PostgreSQL (scripts/bench.sh starts them). It prints
 * throughput and latency percentiles; it asserts nothing about speed, only that the answers were
 * right (one winner per seat, every seat sold exactly once, no unexpected status): a benchmark of
 * wrong answers measures nothing. 503s ("not now") are counted and shown. Environment: those of GatewayClient,
 * BENCH_USERS (concurrent clients, default 64), BENCH_SECONDS (per timed load, default 20).
 */
public class Bench extends GatewayClient {

    static final int USERS = Integer.parseInt(System.getenv().getOrDefault("BENCH_USERS", "64"));
    static final int SECONDS = Integer.parseInt(System.getenv().getOrDefault("BENCH_SECONDS", "20"));
    /** Schedules of the bench's own: seat-lock needs none in the database, booking's is created below. */
    static final long HOLD_SCHEDULE = 900_001;
    static final long STORM_SCHEDULE = 900_002;
    static final long BOOK_SCHEDULE = 900_003;
    static final int BOOK_ROWS = 40;
    static final int BOOK_SEATS_PER_ROW = 50;

    /** Latencies of one kind of request, and what the requests were answered. */
    static final class Sample {
        final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();

        Answer timed(HttpRequest request) {
            long start = System.nanoTime();
            Answer answer = send(request);
            record(answer.status(), System.nanoTime() - start);
            return answer;
        }

        void record(int status, long elapsedNanos) {
            nanos.add(elapsedNanos);
            statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
        }

        String line(String name) {
            List<Long> sorted = new ArrayList<>(nanos);
            Collections.sort(sorted);
            return String.format("%-8s: %6d requests  p50 %6.1f  p90 %6.1f  p99 %6.1f  max %7.1f ms  %s", name, sorted.size(),
                    millis(sorted, 0.50), millis(sorted, 0.90), millis(sorted, 0.99), millis(sorted, 1.0), new TreeMap<>(statuses));
        }

        long count(int status) {
            AtomicInteger n = statuses.get(status);
            return n == null ? 0 : n.get();
        }

        static double millis(List<Long> sorted, double quantile) {
            if (sorted.isEmpty()) {
                return 0;
            }
            int index = (int) Math.ceil(quantile * sorted.size()) - 1;
            return sorted.get(Math.max(0, index)) / 1e6;
        }
    }

    public static void main(String[] args) throws Exception {
        System.out.printf("bench: %d users, %d s per timed load, through %s%n", USERS, SECONDS, GATEWAY);
        holdAndRelease(SECONDS / 2, 0, false);
        holdAndRelease(SECONDS, 10_000_000, true);
        storms(10, 500);
        bookings();
    }

    /** Every user holds a seat of its own and releases it again, as fast as it can: seat-lock's throughput. */
    static void holdAndRelease(int seconds, int firstSeat, boolean report) throws Exception {
        Sample lock = new Sample();
        Sample release = new Sample();
        AtomicInteger nextSeat = new AtomicInteger(firstSeat);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long elapsed = runUsers(user -> {
            while (System.nanoTime() < deadline) {
                Answer held = lock.timed(lockRequest("bench-" + user, HOLD_SCHEDULE, seats("b", nextSeat.incrementAndGet())));
                if (held.status() == 200) {
                    release.timed(request("bench-" + user, "/api/v1/tickets/seats/release").POST(HttpRequest.BodyPublishers
                            .ofString("{\"schedule_id\":" + HOLD_SCHEDULE + ",\"lock_token\":\"" + held.field("lock_token") + "\"}")).build());
                }
            }
        });
        if (!report) {
            System.out.printf("warm-up: %d holds in %d s, not reported%n", lock.nanos.size(), seconds);
            return;
        }
        System.out.printf("%n=== hold + release, %d users for %d s ===%n", USERS, seconds);
        System.out.printf("holds   : %.0f/s%n", lock.count(200) * 1e9 / elapsed);
        System.out.println(lock.line("lock"));
        System.out.println(release.line("release"));
        expectOnly(lock, 200, 503);
        expectOnly(release, 200, 503);
    }

    /** Ticket open on single seats: many users on one seat at the same instant, round after round. */
    static void storms(int rounds, int users) throws Exception {
        Sample lock = new Sample();
        List<Long> lastAnswers = new ArrayList<>();
        int winners = 0;
        for (int round = 1; round <= rounds; round++) {
            String seat = seats("s", round);
            List<HttpRequest> requests = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                requests.add(lockRequest("storm-" + u, STORM_SCHEDULE, seat));
            }
            AtomicInteger won = new AtomicInteger();
            long start = System.nanoTime();
            List<CompletableFuture<Void>> answers = new ArrayList<>();
            for (HttpRequest r : requests) {
                answers.add(HTTP.sendAsync(r, HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
                    int status = failure == null ? response.statusCode() : -1;
                    lock.record(status, System.nanoTime() - start);
                    if (status == 200) {
                        won.incrementAndGet();
                    }
                    return null;
                }));
            }
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
            lastAnswers.add(System.nanoTime() - start);
            winners += won.get() == 1 ? 1 : 0;
        }
        Collections.sort(lastAnswers);
        System.out.printf("%n=== %d users on one seat at once, %d rounds ===%n", users, rounds);
        System.out.println(lock.line("lock"));
        System.out.printf("rounds  : %d of %d with exactly one winner; everyone answered within p50 %.0f ms, max %.0f ms%n",
                winners, rounds, Sample.millis(lastAnswers, 0.5), Sample.millis(lastAnswers, 1.0));
        if (winners != rounds) {
            throw new IllegalStateException("a round without exactly one winner");
        }
        expectOnly(lock, 200, 409, 503);
    }

    /** Users hold and book seats of a large schedule until it is sold out: the whole sale path. */
    static void bookings() throws Exception {
        int seatCount = BOOK_ROWS * BOOK_SEATS_PER_ROW;
        sql("INSERT INTO schedules (id, event_id, starts_at) VALUES (" + BOOK_SCHEDULE + ", " + EVENT
                + ", now() + interval '30 days') ON CONFLICT DO NOTHING");
        sql("INSERT INTO seats (schedule_id, row_label, number, grade, price) SELECT " + BOOK_SCHEDULE
                + ", r || '열', n, 'R', 120000 FROM generate_series(1, " + BOOK_ROWS + ") r, generate_series(1, "
                + BOOK_SEATS_PER_ROW + ") n ON CONFLICT DO NOTHING");
        Sample lock = new Sample();
        Sample book = new Sample();
        AtomicInteger nextSeat = new AtomicInteger();
        AtomicLong retries = new AtomicLong();
        long elapsed = runUsers(user -> {
            for (int i = nextSeat.getAndIncrement(); i < seatCount; i = nextSeat.getAndIncrement()) {
                String seat = seats((i / BOOK_SEATS_PER_ROW + 1) + "열", i % BOOK_SEATS_PER_ROW + 1);
                while (true) {
                    Answer held = lock.timed(lockRequest("buyer-" + user, BOOK_SCHEDULE, seat));
                    Answer booked = held.status() == 200
                            ? book.timed(bookRequest("buyer-" + user, BOOK_SCHEDULE, seat, held.field("lock_token")))
                            : held;
                    // Every seat here is this user's alone: only "not now" (a 503, or this user's own
                    // claim from an attempt that failed, until it is given back) is worth another try.
                    boolean notNow = booked.status() == 503 || "SEAT_ALREADY_LOCKED".equals(booked.field("code"));
                    if (!notNow) {
                        break;
                    }
                    retries.incrementAndGet();
                    Thread.sleep(1000);
                }
            }
        });
        String stored = sql("SELECT count(*) FROM booked_seats b JOIN seats s ON s.id = b.seat_id WHERE s.schedule_id = "
                + BOOK_SCHEDULE + " AND b.active");
        System.out.printf("%n=== hold + book a %d-seat schedule until sold out, %d users ===%n", seatCount, USERS);
        System.out.printf("bookings: %d in %.1f s (%.0f/s), %d stored, %d tried again%n", book.count(201),
                elapsed / 1e9, book.count(201) * 1e9 / elapsed, Long.parseLong(stored), retries.get());
        System.out.println(lock.line("lock"));
        System.out.println(book.line("book"));
        if (book.count(201) != seatCount || !stored.equals(Integer.toString(seatCount))) {
            throw new IllegalStateException("not sold out exactly once: " + book.count(201) + " booked, " + stored + " stored");
        }
    }

    interface UserLoop {
        void run(int user) throws Exception;
    }

    /** Runs the loop for every user at once; returns the wall time in nanoseconds. */
    static long runUsers(UserLoop loop) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(USERS);
        try {
            long start = System.nanoTime();
            List<Future<?>> users = new ArrayList<>();
            for (int u = 0; u < USERS; u++) {
                int user = u;
                users.add(pool.submit(() -> {
                    loop.run(user);
                    return null;
                }));
            }
            for (Future<?> user : users) {
                user.get();
            }
            return System.nanoTime() - start;
        } finally {
            pool.shutdownNow();
        }
    }

    static HttpRequest lockRequest(String user, long schedule, String seats) {
        return request(user, "/api/v1/tickets/seats/lock").POST(HttpRequest.BodyPublishers.ofString(
                "{\"schedule_id\":" + schedule + ",\"seats\":" + seats + "}")).build();
    }

    static void expectOnly(Sample sample, Integer... statuses) {
        if (!List.of(statuses).containsAll(sample.statuses.keySet())) {
            throw new IllegalStateException("unexpected answers: " + sample.statuses);
        }
    }

}
