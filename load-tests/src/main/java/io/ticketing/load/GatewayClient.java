package io.ticketing.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a client of the gateway needs, shared by the end-to-end suite and the benchmark (both extend
 * it, so their scenarios read as plain calls): dev tokens signed with the LOCAL-ONLY key in dev/,
 * requests through the gateway, answers, and psql for checking the database.
 * Environment: GATEWAY_URL, DB_NAME, PGHOST, PGUSER, REDIS_PORT.
 */
class GatewayClient {

    static final String GATEWAY = env("GATEWAY_URL", "http://127.0.0.1:8080");
    static final String DB = env("DB_NAME", "ticketing_e2e");
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final long EVENT = 1;
    static final PrivateKey DEV_KEY = readKey(Path.of("dev", "jwt-private.pem"));

    record Answer(int status, String body, String retryAfter) {
        Answer(int status, String body) {
            this(status, body, null);
        }

        static Answer of(HttpResponse<String> response) {
            return new Answer(response.statusCode(), response.body(), response.headers().firstValue("Retry-After").orElse(null));
        }

        String field(String name) {
            Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]*)").matcher(body);
            return m.find() ? m.group(1) : null;
        }
    }

    static String seats(String row, int number) {
        return "[{\"row\":\"" + row + "\",\"number\":" + number + "}]";
    }

    static String lockBody(long schedule, String seats) {
        return "{\"event_id\":" + EVENT + ",\"schedule_id\":" + schedule + ",\"seats\":" + seats + "}";
    }

    static String bookBody(long schedule, String seats, String token) {
        return "{\"event_id\":" + EVENT + ",\"schedule_id\":" + schedule + ",\"seats\":" + seats
                + (token == null ? "" : ",\"lock_token\":\"" + token + "\"") + "}";
    }

    static Answer lock(String user, long schedule, String seats) {
        return post(user, "/api/v1/tickets/seats/lock", lockBody(schedule, seats));
    }

    static HttpRequest lockRequest(String user, long schedule, String seats) {
        return request(user, "/api/v1/tickets/seats/lock").POST(HttpRequest.BodyPublishers.ofString(lockBody(schedule, seats)))
                .build();
    }

    static Answer book(String user, long schedule, String seats, String token) {
        return send(bookRequest(user, schedule, seats, token));
    }

    static HttpRequest bookRequest(String user, long schedule, String seats, String token) {
        return request(user, "/api/v1/tickets/bookings").POST(HttpRequest.BodyPublishers.ofString(
                bookBody(schedule, seats, token))).build();
    }

    static Answer post(String user, String path, String body) {
        return send(request(user, path).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    static Answer get(String user, String path) {
        return send(request(user, path).GET().build());
    }

    static HttpRequest.Builder request(String user, String path) {
        return HttpRequest.newBuilder(URI.create(GATEWAY + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token(user)).header("Content-Type", "application/json");
    }

    static Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return Answer.of(response);
        } catch (Exception e) {
            return new Answer(-1, e.toString());
        }
    }

    /** How many answers had each status. */
    static java.util.SortedMap<Integer, Long> statuses(java.util.List<Answer> answers) {
        java.util.SortedMap<Integer, Long> by = new java.util.TreeMap<>();
        answers.forEach(a -> by.merge(a.status(), 1L, Long::sum));
        return by;
    }

    static java.util.concurrent.CompletableFuture<Answer> sendAsync(HttpRequest request) {
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> failure == null ? Answer.of(response) : new Answer(-1, failure.toString()));
    }

    /** Sends all requests at once, asynchronously, and waits for every answer; no request is repeated. */
    static java.util.List<Answer> burst(java.util.List<HttpRequest> requests) throws Exception {
        java.util.List<java.util.concurrent.CompletableFuture<Answer>> futures = new java.util.ArrayList<>();
        for (HttpRequest request : requests) {
            futures.add(sendAsync(request));
        }
        java.util.List<Answer> answers = new java.util.ArrayList<>();
        for (var future : futures) {
            answers.add(future.get(2, java.util.concurrent.TimeUnit.MINUTES));
        }
        return answers;
    }

    static String sql(String query) throws Exception {
        Process p = new ProcessBuilder("psql", "-h", env("PGHOST", "127.0.0.1"), "-U", env("PGUSER", "postgres"), "-d", DB,
                "-tAc", query).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        p.waitFor();
        return out;
    }

    /** A command to the stack's Redis (REDIS_PORT), with redis-cli; its reply, trimmed. */
    static String redis(String... command) throws Exception {
        return redisAt(Integer.parseInt(env("REDIS_PORT", "6379")), command);
    }

    /** redis-cli against the Redis on this port (on a cluster: one master, no redirects). */
    static String redisAt(int port, String... command) throws Exception {
        java.util.List<String> line = new java.util.ArrayList<>(java.util.List.of("redis-cli", "-p", Integer.toString(port)));
        line.addAll(java.util.List.of(command));
        Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("redis-cli failed: " + out);
        }
        return out;
    }

    static String env(String name, String fallback) {
        return System.getenv().getOrDefault(name, fallback);
    }

    static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    static String token(String user) {
        return TOKENS.computeIfAbsent(user, GatewayClient::sign);
    }

    static String sign(String user) {
        try {
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            long now = System.currentTimeMillis() / 1000;
            String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
            String payload = b64.encodeToString(("{\"iss\":\"https://ticketing.local/dev\",\"sub\":\"" + user + "\",\"upn\":\""
                    + user + "\",\"groups\":[\"user\"],\"iat\":" + now + ",\"exp\":" + (now + 3600) + "}").getBytes(StandardCharsets.UTF_8));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(DEV_KEY);
            rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + b64.encodeToString(rsa.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static PrivateKey readKey(Path pem) {
        try {
            String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the dev key " + pem + " (run from the project root)", e);
        }
    }
}
