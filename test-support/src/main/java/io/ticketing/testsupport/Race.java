package io.ticketing.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;

/**
 * Sends one real HTTP request per user, all released at the same instant by a start gate, and
 * collects what each user got back. The shared HTTP/1.1 client opens one connection per request in
 * flight, so every user still arrives on a connection of its own.
 */
public final class Race {

    /** What one user was finally told, how many times the user pressed, and how long it took in all. */
    public record Result(int user, int status, String body, HttpHeaders headers, int tries, Duration elapsed) {
    }

    public record Outcome(List<Result> results, Duration elapsed) {

        public long count(int status) {
            return results.stream().filter(r -> r.status() == status).count();
        }

        /** The users whose final answer was none of these statuses, for a failure message. */
        public List<Result> except(int... statuses) {
            return results.stream().filter(r -> Arrays.stream(statuses).noneMatch(s -> s == r.status())).toList();
        }

        public List<Result> withStatus(int status) {
            return results.stream().filter(r -> r.status() == status).toList();
        }

        /** Prints what was counted, the way a person wants to read it after a sale opens. */
        public void print(String title) {
            Map<Integer, Long> byStatus = new TreeMap<>();
            results.forEach(r -> byStatus.merge(r.status(), 1L, Long::sum));
            System.out.printf("%n=== %s ===%n", title);
            System.out.printf("requests : %d%n", results.size());
            System.out.printf("winners  : %d%n", count(200) + count(201));
            System.out.printf("losers   : %d%n", results.size() - count(200) - count(201));
            System.out.printf("statuses : %s%n", byStatus);
            System.out.printf("retried  : %d users after a 503%n", results.stream().filter(r -> r.tries() > 1).count());
            System.out.printf("time     : %d ms%n%n", elapsed.toMillis());
        }
    }

    private Race() {
    }

    /** Every user sends once; whatever comes back, 503 included, is the answer. */
    public static Outcome run(int users, IntFunction<HttpRequest> requestOf) throws Exception {
        return run(users, 1, requestOf);
    }

    /**
     * Every user sends at once, and a user told 503 waits as its {@code Retry-After} says and presses
     * again, up to {@code tries} times in all, as a person in front of a sale would. A 503 is "not
     * now", not a decision: the guarantees are about the answers users finally get.
     */
    public static Outcome run(int users, int tries, IntFunction<HttpRequest> requestOf) throws Exception {
        CountDownLatch ready = new CountDownLatch(users);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(users);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        try {
            List<Future<Result>> futures = new ArrayList<>();
            for (int user = 0; user < users; user++) {
                HttpRequest request = requestOf.apply(user);
                int id = user;
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    long sent = System.nanoTime();
                    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    int tried = 1;
                    while (response.statusCode() == 503 && tried < tries) {
                        Thread.sleep(retryAfter(response).toMillis());
                        response = client.send(request, HttpResponse.BodyHandlers.ofString());
                        tried++;
                    }
                    return new Result(id, response.statusCode(), response.body(), response.headers(), tried,
                            Duration.ofNanos(System.nanoTime() - sent));
                }));
            }
            ready.await();
            long start = System.nanoTime();
            go.countDown();
            List<Result> results = new ArrayList<>();
            for (Future<Result> future : futures) {
                results.add(future.get());
            }
            return new Outcome(results, Duration.ofNanos(System.nanoTime() - start));
        } finally {
            pool.shutdownNow();
        }
    }

    /** Retry-After plus up to a second of jitter: people do not all press again in the same millisecond. */
    private static Duration retryAfter(HttpResponse<?> response) {
        long seconds = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
        return Duration.ofSeconds(Math.min(Math.max(seconds, 1), 5))
                .plusMillis(ThreadLocalRandom.current().nextLong(1000));
    }

    public static HttpRequest post(URI base, String path, String bearer, String json) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }
}
