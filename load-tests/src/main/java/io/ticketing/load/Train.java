package io.ticketing.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The training run of the AOT caches (scripts/aot-train.sh): for AOT_TRAINING_SECONDS (default 20),
 * 16 users do what the people of a sale do, through the gateway, on the demo schedules 1 and 2 of
 * a database of its own: hold seats (often taken: conflicts), verify, extend, release, book with
 * the hold or straight away (a claim of free seats), lose a booking race, read the seat map, the
 * events, their bookings, one booking, and cancel (which frees the seats for the next round).
 * What the services compile and profile during this run is what their cache carries. It checks
 * only that every answer was an expected one; the numbers are printed, not judged.
 */
public class Train extends GatewayClient {

    static final int USERS = 16;
    static final int SECONDS = Integer.parseInt(System.getenv().getOrDefault("AOT_TRAINING_SECONDS", "20"));
    static final Map<String, AtomicInteger> ANSWERS = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        ExecutorService pool = Executors.newFixedThreadPool(USERS);
        for (int u = 0; u < USERS; u++) {
            String trainee = "trainee-" + u;
            pool.submit(() -> {
                // A new person each round, as in a sale: one person's rounds, back to back, would
                // meet the gateway's per-user rate limit and the per-user seat limit.
                for (int round = 0; System.nanoTime() < end; round++) {
                    try {
                        round(trainee + "-" + round);
                    } catch (RuntimeException e) {
                        count("error " + e);
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(SECONDS + 60, TimeUnit.SECONDS);
        System.out.println("training answers: " + new TreeMap<>(ANSWERS));
        boolean unexpected = ANSWERS.keySet().stream().anyMatch(key -> key.contains(" 5") || key.startsWith("error")
                || key.contains(" -1"));
        if (unexpected) {
            System.out.println("training saw unexpected answers (the cache is still written)");
        }
    }

    static void round(String user) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long schedule = 1 + random.nextInt(2);
        String seat = seats((1 + random.nextInt(10)) + "열", 1 + random.nextInt(20));
        Answer hold = lock(user, schedule, seat);
        count("lock", hold);
        if (hold.status() == 200) {
            String token = hold.field("lock_token");
            count("lock taken", lock(user + "-rival", schedule, seat));
            count("verify", post(user, "/api/v1/tickets/seats/verify",
                    "{\"schedule_id\":" + schedule + ",\"lock_token\":\"" + token + "\",\"seats\":" + seat + "}"));
            count("extend", post(user, "/api/v1/tickets/seats/extend",
                    "{\"schedule_id\":" + schedule + ",\"lock_token\":\"" + token + "\"}"));
            if (random.nextBoolean()) {
                bookAndCancel(user, schedule, seat, token);
            } else {
                count("release", post(user, "/api/v1/tickets/seats/release",
                        "{\"schedule_id\":" + schedule + ",\"lock_token\":\"" + token + "\"}"));
            }
        }
        String free = seats((1 + random.nextInt(10)) + "열", 1 + random.nextInt(20));
        bookAndCancel(user, schedule, free, null);
        count("seat map", get(user, "/api/v1/tickets/schedules/" + schedule + "/seats"));
        count("held seats", get(user, "/api/v1/tickets/seats?schedule_id=" + schedule));
        if (random.nextInt(4) == 0) {
            count("events", get(user, "/api/v1/tickets/events"));
            count("event", get(user, "/api/v1/tickets/events/1"));
            count("bookings", get(user, "/api/v1/tickets/bookings?page=0&size=20"));
        }
    }

    static void bookAndCancel(String user, long schedule, String seat, String token) {
        Answer booked = book(user, schedule, seat, token);
        count(token == null ? "book free" : "book held", booked);
        if (booked.status() == 201) {
            String id = booked.field("booking_id");
            count("book sold", book(user + "-late", schedule, seat, null));
            count("booking", get(user, "/api/v1/tickets/bookings/" + id));
            count("cancel", post(user, "/api/v1/tickets/bookings/" + id + "/cancel", ""));
        }
    }

    static void count(String what, Answer answer) {
        count(what + " " + answer.status());
    }

    static void count(String key) {
        ANSWERS.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }
}
