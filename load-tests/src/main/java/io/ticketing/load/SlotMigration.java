package io.ticketing.load;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * On a Redis Cluster (REDIS_CLUSTER=1): a live schedule's slot moves to another master while 240
 * users lock pairs of its seats (issue 10). Each answer is a hold of both seats or a clean refusal
 * (409, or 503 while Redis asks to try again), and afterwards every pair of seats is held whole by
 * one hold, or not at all, on the master that now owns the slot.
 */
final class SlotMigration extends GatewayClient {

    static final int PAIRS = 60;
    static final int USERS = 240;

    private SlotMigration() {
    }

    static void duringALockBurst() throws Exception {
        // The schedule's sale (window and seat map) moves with the slot, as its seats do.
        long schedule = newScheduleWithRows(row("M", 2 * PAIRS));
        int base = Integer.parseInt(env("REDIS_PORT", "6379"));
        int slot = Integer.parseInt(redisAt(base, "CLUSTER", "KEYSLOT", "{" + schedule + "}"));
        Map<Integer, String> ids = new TreeMap<>();
        int from = -1;
        for (String line : redisAt(base, "CLUSTER", "NODES").split("\n")) {
            String[] fields = line.trim().split(" ");
            int port = Integer.parseInt(fields[1].substring(fields[1].indexOf(':') + 1, fields[1].indexOf('@')));
            ids.put(port, fields[0]);
            for (int i = 8; i < fields.length; i++) {
                String[] range = fields[i].split("-");
                int low = Integer.parseInt(range[0]);
                int high = range.length > 1 ? Integer.parseInt(range[1]) : low;
                if (low <= slot && slot <= high) {
                    from = port;
                }
            }
        }
        int source = from;
        int target = ids.keySet().stream().filter(port -> port != source).findFirst().orElseThrow();

        // The burst: spread over two seconds, so that locks arrive before, during and after the move.
        List<CompletableFuture<Answer>> futures = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            int pair = u % PAIRS;
            HttpRequest request = lockRequest("mover-" + u, schedule, "[{\"row\":\"M\",\"number\":" + (2 * pair + 1)
                    + "},{\"row\":\"M\",\"number\":" + (2 * pair + 2) + "}]");
            futures.add(CompletableFuture.supplyAsync(() -> 0, CompletableFuture.delayedExecutor(u * 8L, TimeUnit.MILLISECONDS))
                    .thenCompose(ignored -> sendAsync(request)));
        }
        Thread.sleep(300);
        long moving = System.nanoTime();
        redisAt(target, "CLUSTER", "SETSLOT", Integer.toString(slot), "IMPORTING", ids.get(source));
        redisAt(source, "CLUSTER", "SETSLOT", Integer.toString(slot), "MIGRATING", ids.get(target));
        int moved = 0;
        while (true) {
            String keys = redisAt(source, "CLUSTER", "GETKEYSINSLOT", Integer.toString(slot), "20");
            if (keys.isBlank()) {
                break;
            }
            List<String> command = new ArrayList<>(List.of("MIGRATE", "127.0.0.1", Integer.toString(target), "", "0", "5000",
                    "KEYS"));
            List<String> batch = List.of(keys.split("\n"));
            command.addAll(batch);
            redisAt(source, command.toArray(String[]::new));
            moved += batch.size();
            Thread.sleep(30); // the burst goes on between the batches
        }
        for (int port : ids.keySet()) {
            redisAt(port, "CLUSTER", "SETSLOT", Integer.toString(slot), "NODE", ids.get(target));
        }
        long movedMs = (System.nanoTime() - moving) / 1_000_000;
        List<Answer> answers = new ArrayList<>();
        for (var future : futures) {
            answers.add(future.get(1, TimeUnit.MINUTES));
        }
        E2eSuite.report("240 users lock pairs of seats while slot " + slot + " moves from port " + source + " to " + target
                + " (" + moved + " keys in " + movedMs + " ms)", answers);
        E2eSuite.check(answers.stream().allMatch(a -> a.status() == 200 || a.status() == 409 || a.status() == 503),
                "only holds and clean refusals: " + statuses(answers));
        E2eSuite.check(answers.stream().filter(a -> a.status() != 200).allMatch(a -> a.body().contains("\"code\"")),
                "every refusal is problem+json with a code");
        E2eSuite.check(E2eSuite.count(answers, 200) >= PAIRS / 2, "holds were granted: " + statuses(answers));
        // Every pair whole or empty, on the new owner; every hold granted holds both its seats.
        for (int pair = 0; pair < PAIRS; pair++) {
            String both = redisAt(target, "MGET", "seat_lock:{" + schedule + "}:M:" + (2 * pair + 1),
                    "seat_lock:{" + schedule + "}:M:" + (2 * pair + 2));
            // redis-cli prints a missing key as an empty line (the output comes trimmed): two missing is "".
            String[] values = both.isEmpty() ? new String[] { "", "" } : both.split("\n", -1);
            E2eSuite.check(values.length == 2 && values[0].equals(values[1]), "pair " + pair + " whole or empty: "
                    + String.join(" | ", values));
        }
        for (int pair = 0; pair < PAIRS; pair++) {
            List<String> winners = new ArrayList<>();
            List<String> all = new ArrayList<>();
            for (int u = pair; u < USERS; u += PAIRS) {
                all.add("mover-" + u + " " + answers.get(u).status() + " " + answers.get(u).field("code"));
                if (answers.get(u).status() == 200) {
                    winners.add("mover-" + u + " until " + answers.get(u).field("expires_at") + " " + answers.get(u).field("lock_token"));
                }
            }
            String value = redisAt(target, "GET", "seat_lock:{" + schedule + "}:M:" + (2 * pair + 1));
            // One hold at a time: a later winner's hold begins after the earlier one ended.
            winners.sort(Comparator.comparing(SlotMigration::expiry));
            for (int i = 1; i < winners.size(); i++) {
                E2eSuite.check(!expiry(winners.get(i)).minusSeconds(E2eSuite.HOLD_TTL_SECONDS)
                        .isBefore(expiry(winners.get(i - 1)).minusMillis(100)), "one hold of pair " + pair + " at a time: " + winners);
            }
            // Held by the one told 200, or by nobody once that hold has ended; never by someone told 503.
            String last = winners.isEmpty() ? null : winners.getLast();
            boolean holderIsTheWinner = last == null ? value.isEmpty()
                    : value.isEmpty() ? Instant.now().isAfter(expiry(last).minusMillis(200))
                            : value.endsWith(last.substring(last.lastIndexOf(' ') + 1));
            E2eSuite.check(holderIsTheWinner,
                    "the holder of pair " + pair + " is the one told 200: " + winners + "; now " + value + "; answers " + all);
        }
    }

    /** The "until" of a winner's description ("mover-N until <instant> <token>"). */
    private static Instant expiry(String winner) {
        return Instant.parse(winner.split(" ")[2]);
    }
}
