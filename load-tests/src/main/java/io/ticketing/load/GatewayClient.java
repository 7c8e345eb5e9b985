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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
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
    /**
     * The event requests name ({@code event_id}): the demo event, unless a suite set up a sale of
     * its own through the operator API ({@link #newEvent}).
     */
    static volatile long event = 1;
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
        return "{\"event_id\":" + event + ",\"schedule_id\":" + schedule + ",\"seats\":" + seats + "}";
    }

    static String bookBody(long schedule, String seats, String token) {
        return "{\"event_id\":" + event + ",\"schedule_id\":" + schedule + ",\"seats\":" + seats
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
    static SortedMap<Integer, Long> statuses(List<Answer> answers) {
        SortedMap<Integer, Long> by = new TreeMap<>();
        answers.forEach(a -> by.merge(a.status(), 1L, Long::sum));
        return by;
    }

    static CompletableFuture<Answer> sendAsync(HttpRequest request) {
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> failure == null ? Answer.of(response) : new Answer(-1, failure.toString()));
    }

    /** Sends all requests at once, asynchronously, and waits for every answer; no request is repeated. */
    static List<Answer> burst(List<HttpRequest> requests) throws Exception {
        List<CompletableFuture<Answer>> futures = new ArrayList<>();
        for (HttpRequest request : requests) {
            futures.add(sendAsync(request));
        }
        List<Answer> answers = new ArrayList<>();
        for (var future : futures) {
            answers.add(future.get(2, TimeUnit.MINUTES));
        }
        return answers;
    }

    // ---- the operator API, as an operator sets up a sale ------------------------------------

    static final String ADMIN = "/api/v1/tickets/admin";

    static Answer operator(String method, String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(GATEWAY + ADMIN + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + operatorToken("operator")).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    static long created(Answer answer, String field) {
        if (answer.status() != 201 && answer.status() != 200) {
            throw new IllegalStateException("the operator API refused: " + answer.status() + " " + answer.body());
        }
        return Long.parseLong(answer.field(field));
    }

    /** A new event, made through the operator API; requests name it from now on. */
    static long newEvent(String title) {
        event = created(operator("POST", "/events", "{\"title\":\"" + title + "\",\"venue\":\"e2e 홀\"}"), "event_id");
        return event;
    }

    /**
     * A schedule of the current event, on sale from {@code opensAt} until a show 30 days on, with
     * rows "1열".."<rows>열" of {@code perRow} seats (R, 120,000), made through the operator API.
     */
    static long newSchedule(Instant opensAt, int rows, int perRow) {
        StringBuilder ranges = new StringBuilder();
        for (int row = 1; row <= rows; row++) {
            ranges.append(row == 1 ? "" : ",").append(row(row + "열", perRow));
        }
        return newSchedule(opensAt, ranges.toString());
    }

    static long newSchedule(int rows, int perRow) {
        return newSchedule(Instant.now().minusSeconds(60), rows, perRow);
    }

    /** {@code seats} seats in rows of 100 ("1열" 1..100, "2열" ...; the last row shorter): see {@link #seatOf}. */
    static long newScheduleOfSeats(int seats) {
        return newScheduleWithRows(rowsOfSeats(seats));
    }

    /** A schedule on sale from a minute ago with these row ranges ({@link #rowsOfSeats}, {@link #row}, joined by commas). */
    static long newScheduleWithRows(String rowRanges) {
        return newSchedule(Instant.now().minusSeconds(60), rowRanges);
    }

    /** The row ranges of {@code seats} seats in rows of 100, as {@link #seatOf} names them. */
    static String rowsOfSeats(int seats) {
        StringBuilder ranges = new StringBuilder();
        for (int row = 1; (row - 1) * 100 < seats; row++) {
            ranges.append(row == 1 ? "" : ",").append(row(row + "열", Math.min(100, seats - (row - 1) * 100)));
        }
        return ranges.toString();
    }

    /** One row range: seats 1..{@code seats} of row {@code name}. */
    static String row(String name, int seats) {
        return "{\"row\":\"" + name + "\",\"from\":1,\"to\":" + seats + "}";
    }

    /** The i-th seat (from 0) of a schedule made by newScheduleOfSeats, as a one-seat JSON list. */
    static String seatOf(int i) {
        return seats((i / 100 + 1) + "열", i % 100 + 1);
    }

    private static long newSchedule(Instant opensAt, String rowRanges) {
        Instant starts = Instant.now().plus(Duration.ofDays(30));
        long schedule = created(operator("POST", "/events/" + event + "/schedules", "{\"starts_at\":\"" + starts
                + "\",\"sales_open_at\":\"" + opensAt + "\"}"), "schedule_id");
        Answer seatMap = operator("PUT", "/schedules/" + schedule + "/seat-map",
                "{\"sections\":[{\"name\":\"1층\",\"grade\":\"R\",\"price\":120000,\"rows\":[" + rowRanges + "]}]}");
        created(seatMap, "seats");
        if (!"true".equals(seatMap.field("published"))) {
            throw new IllegalStateException("schedule " + schedule + " was not published to seat-lock: " + seatMap.body());
        }
        return schedule;
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
        List<String> line = new ArrayList<>(List.of("redis-cli", "-p", Integer.toString(port)));
        line.addAll(List.of(command));
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
        return sign(user, "\"user\"");
    }

    /** An operator's token ({@code groups} holds "operator"): the operator API's. */
    static String operatorToken(String user) {
        return TOKENS.computeIfAbsent("operator:" + user, key -> sign(user, "\"user\",\"operator\""));
    }

    static String sign(String user, String groups) {
        try {
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            long now = System.currentTimeMillis() / 1000;
            String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
            String payload = b64.encodeToString(("{\"iss\":\"https://ticketing.local/dev\",\"sub\":\"" + user + "\",\"upn\":\""
                    + user + "\",\"groups\":[" + groups + "],\"iat\":" + now + ",\"exp\":" + (now + 3600) + "}").getBytes(StandardCharsets.UTF_8));
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
