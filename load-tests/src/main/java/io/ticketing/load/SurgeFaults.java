package io.ticketing.load;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.ticketing.testsupport.FaultProxy;

/**
 * Parts of the stack fail in the middle of a surge (issue 10): scripts/e2e.sh SurgeFaults, with
 * REPLICAS=2 (two of each service behind the gateway; booking's second replica reaches seat-lock
 * through this suite's {@link FaultProxy} on FAULT_PROXY_PORT). Each scenario prints what it did and
 * counted: requests, answers by status, 201s, bookings stored, seats sold twice (must be 0), 201s
 * not stored (must be 0), and how long the stack took to recover by itself.
 */
public class SurgeFaults extends E2eSuite {

    static FaultProxy proxy;

    public static void main(String[] args) throws Exception {
        int proxyPort = Integer.parseInt(env("FAULT_PROXY_PORT", "0"));
        if (proxyPort == 0 || !"2".equals(env("REPLICAS", "1"))) {
            throw new IllegalStateException("run with REPLICAS=2 scripts/e2e.sh SurgeFaults");
        }
        proxy = FaultProxy.on(proxyPort, "127.0.0.1", Integer.parseInt(env("SEAT_LOCK_BALANCER_PORT", "0")));
        newEvent("장애 속 판매");
        Map<String, Scenario> scenarios = new LinkedHashMap<>();
        scenarios.put("two of each: a surge sells every seat once", SurgeFaults::replicasSurge);
        scenarios.put("seat-lock killed mid-surge: one replica of two, then both, then restarted", SurgeFaults::seatLockKilled);
        scenarios.put("Redis killed mid-surge and restarted empty", SurgeFaults::redisRestarted);
        scenarios.put("PostgreSQL restarted mid-surge", SurgeFaults::postgresRestarted);
        scenarios.put("booking killed between commit and confirm", SurgeFaults::bookingKilledBeforeConfirm);
        scenarios.put("a client holds a seat and vanishes", SurgeFaults::vanishedClient);
        int failed = runScenarios(scenarios, proxy::disarm);
        proxy.close();
        System.exit(failed == 0 ? 0 : 1);
    }

    // ---- scenarios ---------------------------------------------------------------------------

    /** No fault: two replicas of each service sell a schedule, each seat once. */
    static void replicasSurge() throws Exception {
        Surge surge = Surge.start(400, 2_000);
        surge.awaitEnd();
        surge.report("two of each, no fault", null);
        check(surge.told201.size() == surge.seats.size(), "every seat sold: " + surge.told201.size());
        surge.checkPromises();
    }

    static void seatLockKilled() throws Exception {
        Surge surge = Surge.start(1_000, 3_000);
        surge.awaitSales(100);
        stack("kill", "seat-lock-2");
        int before = surge.told201.size();
        Thread.sleep(3_000);
        int onSurvivor = surge.told201.size() - before;
        System.out.printf("seat-lock-2 killed: %d bookings in the 3 s after, on the survivor%n", onSurvivor);
        stack("kill", "seat-lock");
        Thread.sleep(500);
        long asked = System.nanoTime();
        Answer none = book("probe-no-seat-lock", surge.schedule, seats("1열", 1), null);
        long answeredMs = (System.nanoTime() - asked) / 1_000_000;
        System.out.printf("both seat-lock replicas killed: a booking answered %d in %d ms: %s%n", none.status(), answeredMs,
                none.body());
        Thread.sleep(2_000);
        long restarting = System.nanoTime();
        stack("start", "seat-lock");
        // Recovery counts from the first replica back: the fans may buy the rest before the second is.
        long firstBack = System.nanoTime();
        stack("start", "seat-lock-2");
        long restarted = System.nanoTime();
        surge.awaitEnd();
        surge.report("seat-lock killed (one of two, then both), one back in " + (firstBack - restarting) / 1_000_000
                + " ms, both in " + (restarted - restarting) / 1_000_000 + " ms", firstBack);
        check(onSurvivor > 0, "bookings went on on the surviving replica");
        check(none.status() == 503 && answeredMs < 1_000, "with no seat-lock, 503 within a second: " + none.status() + " in "
                + answeredMs + " ms");
        check(surge.firstSuccessAfter(firstBack) >= 0, "bookings resumed after the restart, with no manual step");
        surge.checkPromises();
    }

    static void redisRestarted() throws Exception {
        Surge surge = Surge.start(1_000, 3_000);
        surge.awaitSales(100);
        stack("stop", "redis");
        long stopped = System.nanoTime();
        Thread.sleep(300);
        Answer hold = lock("probe-redis-down", surge.schedule, seats("25열", 40));
        Thread.sleep(2_000);
        // Sold before the restart: these must be refused again once Redis is back, with no booking needed.
        List<String> soldBefore = surge.soldSeats();
        stack("start", "redis");
        long restarted = System.nanoTime();
        long refusedAgainMs = -1;
        List<String> sample = soldBefore.subList(0, Math.min(20, soldBefore.size()));
        long deadline = restarted + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (surge.allRefusedAsSold(sample)) {
                refusedAgainMs = (System.nanoTime() - restarted) / 1_000_000;
                break;
            }
            Thread.sleep(250);
        }
        surge.awaitEnd();
        surge.report("Redis stopped for " + (restarted - stopped) / 1_000_000 + " ms, restarted empty", restarted);
        System.out.printf("sold before the restart: %d seats; a sample of %d refused as sold again %d ms after Redis came back%n",
                soldBefore.size(), sample.size(), refusedAgainMs);
        check(hold.status() == 503 && "LOCK_STORE_UNAVAILABLE".equals(hold.field("code")), "holds answer 503 meanwhile: " + hold.body());
        check(!sample.isEmpty(), "seats were sold before the restart");
        check(refusedAgainMs >= 0, "sold seats refused again by seat-lock on its own after Redis came back");
        check(surge.firstSuccessAfter(restarted) >= 0, "bookings resumed");
        surge.checkPromises();
    }

    static void postgresRestarted() throws Exception {
        String cluster = sh("ls /etc/postgresql 2>/dev/null | head -1").trim();
        if (cluster.isEmpty() || !"127.0.0.1".equals(env("PGHOST", "127.0.0.1"))) {
            System.out.println("skipped: the machine's PostgreSQL is not a pg_ctlcluster one here");
            return;
        }
        Surge surge = Surge.start(1_000, 3_000);
        surge.awaitSales(100);
        long restarting = System.nanoTime();
        sh("pg_ctlcluster --skip-systemctl-redirect " + cluster + " main restart");
        long restarted = System.nanoTime();
        surge.awaitEnd();
        surge.report("PostgreSQL restarted (" + (restarted - restarting) / 1_000_000 + " ms)", restarted);
        check(surge.firstSuccessAfter(restarted) >= 0, "the pools recovered by themselves: bookings resumed");
        surge.checkPromises();
    }

    /**
     * booking-2's confirms never reach seat-lock (the fault proxy drops them), and booking-2 is then
     * killed: its bookings are stored, their seats carry only a claim that runs out. The
     * reconciliation of the surviving replica must mark them sold, within seconds, not a day later.
     */
    static void bookingKilledBeforeConfirm() throws Exception {
        long schedule = newSchedule(5, 40);
        // A schedule seat-lock has not yet seen rebuilt counts as one whose markers were lost: the
        // reconciliation's next round (every 2 s) rebuilds it from the database, and one that came
        // right after the burst marked every booking sold before booking-2 was killed, so the fault
        // could not be seen (CI saw this once). Its first rebuild comes before the burst here.
        long rebuiltBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!"1".equals(redis("EXISTS", "seat_sold_complete:{" + schedule + "}").trim())) {
            check(System.nanoTime() < rebuiltBy, "the new schedule's sold markers were rebuilt once within 15 s");
            Thread.sleep(100);
        }
        proxy.block("/claims/confirm");
        List<HttpRequest> requests = new ArrayList<>();
        for (int u = 0; u < 100; u++) {
            requests.add(bookRequest("unconfirmed-" + u, schedule, seats((u / 40 + 1) + "열", u % 40 + 1), null));
        }
        List<Answer> answers = burst(requests);
        long killed = System.nanoTime();
        stack("kill", "booking-2");
        report("100 users book while booking-2's confirms are dropped, then booking-2 is killed", answers);
        List<String> sold = new ArrayList<>();
        for (int u = 0; u < 100; u++) {
            if (answers.get(u).status() == 201) {
                sold.add((u / 40 + 1) + "열:" + (u % 40 + 1));
            }
        }
        int missing = sold.size() - markedSold(schedule, sold);
        long restoredMs = -1;
        while (System.nanoTime() - killed < TimeUnit.SECONDS.toNanos(30)) {
            if (markedSold(schedule, sold) == sold.size()) {
                restoredMs = (System.nanoTime() - killed) / 1_000_000;
                break;
            }
            Thread.sleep(200);
        }
        proxy.disarm();
        Thread.sleep((CLAIM_TTL_SECONDS + 1) * 1000);
        int freeAfterClaims = 0;
        for (String seat : sold) {
            String[] parts = seat.split(":");
            if (lock("after-claims-" + seat, schedule, seats(parts[0], Integer.parseInt(parts[1]))).status() == 200) {
                freeAfterClaims++;
            }
        }
        stack("start", "booking-2");
        System.out.printf("booked: %d; seats without a sold marker when booking-2 was killed: %d; all marked %d ms after the kill; "
                + "sold seats free once the claims ran out: %d%n", sold.size(), missing, restoredMs, freeAfterClaims);
        check(missing > 0, "the fault happened: some bookings were stored without their confirm");
        check(restoredMs >= 0, "the reconciliation marked them sold");
        check(freeAfterClaims == 0, "no sold seat came free when its claim ran out");
        checkStoredExactly(schedule, answers);
    }

    /** A user holds a seat and disappears: the hold ends on time and the next user books the seat. */
    static void vanishedClient() throws Exception {
        long schedule = newSchedule(1, 10);
        Answer held = lock("vanishing", schedule, seats("1열", 1));
        long heldAt = System.nanoTime();
        check(held.status() == 200, "held: " + held.body());
        int refused = 0;
        Answer next;
        do {
            next = lock("next-in-line", schedule, seats("1열", 1));
            refused += next.status() == 409 ? 1 : 0;
            if (next.status() != 200) {
                Thread.sleep(100);
            }
        } while (next.status() != 200 && System.nanoTime() - heldAt < TimeUnit.SECONDS.toNanos(HOLD_TTL_SECONDS + 5));
        long freeAfterMs = (System.nanoTime() - heldAt) / 1_000_000;
        Answer booked = book("next-in-line", schedule, seats("1열", 1), next.field("lock_token"));
        System.out.printf("hold TTL %d s: the next user was refused %d times, held the seat %d ms after the first hold, "
                + "booking %d%n", HOLD_TTL_SECONDS, refused, freeAfterMs, booked.status());
        check(next.status() == 200, "the seat came free");
        check(freeAfterMs >= HOLD_TTL_SECONDS * 1000 - 200 && freeAfterMs <= HOLD_TTL_SECONDS * 1000 + 1_500,
                "on time: " + freeAfterMs + " ms");
        check(booked.status() == 201, "and sold to the next user: " + booked.body());
    }

    // ---- the surge ---------------------------------------------------------------------------


    /**
     * Thousands of fans on one schedule: each picks a seat not known to be sold, holds it, books it,
     * and thinks a little between clicks; told 5xx, they wait and press again. One seat each.
     */
    static final class Surge {

        record Sale(String user, String seat, String bookingId, long atNanos) {
        }

        final long schedule;
        final List<String> seats = new ArrayList<>();
        final Set<String> soldSeen = ConcurrentHashMap.newKeySet();
        final ConcurrentLinkedQueue<Sale> told201 = new ConcurrentLinkedQueue<>();
        /** Users whose booking request got a 503: nothing of theirs may be stored from it. */
        final Set<String> told503 = ConcurrentHashMap.newKeySet();
        final Map<Integer, AtomicInteger> byStatus = new ConcurrentHashMap<>();
        final AtomicInteger requests = new AtomicInteger();
        final List<Future<?>> users = new ArrayList<>();
        final ExecutorService pool = Executors.newFixedThreadPool(200);
        final long started = System.nanoTime();

        private Surge(long schedule) {
            this.schedule = schedule;
        }

        static Surge start(int seatCount, int userCount) throws Exception {
            int perRow = 40;
            Surge surge = new Surge(newSchedule((seatCount + perRow - 1) / perRow, perRow));
            for (int i = 0; i < seatCount; i++) {
                surge.seats.add((i / perRow + 1) + "열:" + (i % perRow + 1));
            }
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            for (int u = 0; u < userCount; u++) {
                String user = "fan-" + surge.schedule + "-" + u;
                surge.users.add(surge.pool.submit(() -> {
                    surge.fan(user, deadline);
                    return null;
                }));
            }
            return surge;
        }

        private void fan(String user, long deadline) throws Exception {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            while (soldSeen.size() < seats.size() && System.nanoTime() < deadline) {
                List<String> open = seats.stream().filter(s -> !soldSeen.contains(s)).toList();
                if (open.isEmpty()) {
                    return;
                }
                String pick = open.get(random.nextInt(open.size()));
                String[] parts = pick.split(":");
                String seat = seats(parts[0], Integer.parseInt(parts[1]));
                Answer held = count(lock(user, schedule, seat));
                if (held.status() == 409 && held.body().contains("\"BOOKED\"")) {
                    soldSeen.add(pick);
                    continue;
                }
                if (held.status() != 200) {
                    Thread.sleep(held.status() == 409 ? 50 : 500 + random.nextInt(500));
                    continue;
                }
                Thread.sleep(100 + random.nextInt(200)); // the fan looks at the hold, then presses "book"
                Answer booked = count(book(user, schedule, seat, held.field("lock_token")));
                if (booked.status() == 201) {
                    told201.add(new Sale(user, pick, booked.field("booking_id"), System.nanoTime()));
                    soldSeen.add(pick);
                    return;
                }
                if (booked.status() == 503) {
                    told503.add(user);
                }
                if (booked.status() == 409 && booked.body().contains("SEAT_ALREADY_BOOKED")) {
                    soldSeen.add(pick);
                }
                Thread.sleep(booked.status() >= 500 ? 500 + random.nextInt(500) : 50);
            }
        }

        private Answer count(Answer answer) {
            if (answer.status() == 500 || answer.status() == -1) {
                // Not a "not now": printed whole, so that a run shows what it was.
                System.out.printf("surge answer %d: %s%n", answer.status(), answer.body());
            }
            requests.incrementAndGet();
            byStatus.computeIfAbsent(answer.status(), k -> new AtomicInteger()).incrementAndGet();
            return answer;
        }

        /** Waits until the surge has sold this many seats (at most 30 s): the fault hits a sale in full swing. */
        void awaitSales(int sales) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (told201.size() < sales && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }

        void awaitEnd() throws Exception {
            for (Future<?> user : users) {
                user.get(5, TimeUnit.MINUTES);
            }
            pool.shutdown();
        }

        /** Milliseconds from {@code fromNanos} to the first 201 after it, or -1. */
        long firstSuccessAfter(long fromNanos) {
            return told201.stream().mapToLong(Sale::atNanos).filter(t -> t >= fromNanos).min()
                    .stream().map(t -> (t - fromNanos) / 1_000_000).findFirst().orElse(-1);
        }

        /** The seats the database has sold in this schedule, as "row:number". */
        List<String> soldSeats() throws Exception {
            String rows = sql("SELECT string_agg(s.row_label || ':' || s.number, ' ') FROM booked_seats b JOIN seats s "
                    + "ON s.id = b.seat_id WHERE s.schedule_id = " + schedule + " AND b.active");
            return rows.isBlank() ? List.of() : List.of(rows.split(" "));
        }

        /** Whether seat-lock refuses each of these seats as sold (probes that get one release it at once). */
        boolean allRefusedAsSold(List<String> sample) {
            boolean all = true;
            for (String seat : sample) {
                String[] parts = seat.split(":");
                Answer probe = lock("probe-" + seat, schedule, seats(parts[0], Integer.parseInt(parts[1])));
                if (probe.status() == 200) {
                    post("probe-" + seat, "/api/v1/tickets/seats/release", "{\"schedule_id\":" + schedule
                            + ",\"lock_token\":\"" + probe.field("lock_token") + "\"}");
                }
                all &= probe.status() == 409 && probe.body().contains("SEAT_ALREADY_BOOKED");
            }
            return all;
        }

        void report(String title, Long recoveredFrom) throws Exception {
            long stored = Long.parseLong(sql("SELECT count(*) FROM bookings WHERE schedule_id = " + schedule
                    + " AND status = 'CONFIRMED'"));
            System.out.printf("%n=== %s ===%nusers          : %d%nseats          : %d%nrequests       : %d%nstatuses       : %s%n"
                    + "201s           : %d%nstored         : %d%nsold twice     : %s%n201s not stored: %d%n"
                    + "time           : %d ms%n%s%n", title, users.size(), seats.size(), requests.get(), new TreeMap<>(byStatus),
                    told201.size(), stored, soldTwice(schedule), lostSuccesses().size(),
                    (System.nanoTime() - started) / 1_000_000,
                    recoveredFrom == null ? "" : "first 201 after recovery: " + firstSuccessAfter(recoveredFrom) + " ms\n");
        }

        List<String> lostSuccesses() throws Exception {
            String rows = sql("SELECT string_agg(id::text, ' ') FROM bookings WHERE schedule_id = " + schedule
                    + " AND status = 'CONFIRMED'");
            Set<String> stored = rows.isBlank() ? Set.of() : Set.of(rows.split(" "));
            return told201.stream().map(Sale::bookingId).filter(id -> !stored.contains(id)).toList();
        }

        /** No seat sold twice, no 201 lost, and nobody told 503 (and nothing else) has a booking. */
        void checkPromises() throws Exception {
            check("0".equals(soldTwice(schedule)), "no seat sold twice");
            check(lostSuccesses().isEmpty(), "every 201 stored: missing " + lostSuccesses());
            Set<String> with201 = told201.stream().map(Sale::user).collect(Collectors.toSet());
            String rows = sql("SELECT string_agg(user_id, ' ') FROM bookings WHERE schedule_id = " + schedule);
            List<String> storedUsers = rows.isBlank() ? List.of() : List.of(rows.split(" "));
            List<String> halfDone = storedUsers.stream().filter(u -> !with201.contains(u) && told503.contains(u)).toList();
            check(halfDone.isEmpty(), "a 503 stored nothing: " + halfDone);
        }
    }

    static String soldTwice(long schedule) throws Exception {
        return sql("SELECT count(*) FROM (SELECT b.seat_id FROM booked_seats b JOIN seats s ON s.id = b.seat_id WHERE "
                + "s.schedule_id = " + schedule + " AND b.active GROUP BY b.seat_id HAVING count(*) > 1) d");
    }

    /** Of these seats ("row:number"), how many carry a sold marker in Redis right now. */
    static int markedSold(long schedule, List<String> seatsSold) throws Exception {
        if (seatsSold.isEmpty()) {
            return 0;
        }
        List<String> command = new ArrayList<>(List.of("EVAL", "local n = 0 for _, k in ipairs(KEYS) do "
                + "local v = redis.call('GET', k) if v and string.find(v, ':booked%-') then n = n + 1 end end return n",
                Integer.toString(seatsSold.size())));
        seatsSold.forEach(seat -> command.add("seat_lock:{" + schedule + "}:" + seat));
        return Integer.parseInt(redis(command.toArray(String[]::new)));
    }

    /** The bookings stored for this schedule are exactly those answered 201. */
    static void checkStoredExactly(long schedule, List<Answer> answers) throws Exception {
        Set<String> told = answers.stream().filter(a -> a.status() == 201).map(a -> a.field("booking_id"))
                .collect(Collectors.toSet());
        String rows = sql("SELECT string_agg(id::text, ' ') FROM bookings WHERE schedule_id = " + schedule);
        Set<String> stored = rows.isBlank() ? Set.of() : Set.of(rows.split(" "));
        check(stored.equals(told), "stored bookings are exactly those answered 201: stored " + stored.size() + ", told "
                + told.size());
        check("0".equals(soldTwice(schedule)), "no seat sold twice");
    }

    static String sh(String command) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(command + " failed: " + out);
        }
        return out;
    }
}
