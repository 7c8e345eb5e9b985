package io.ticketing.load;

import java.net.URI;

import io.ticketing.load.GatewayClient.Answer;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * The benchmark's HTTP client: non-blocking (Vert.x), one event loop for every virtual user, so
 * that thousands of users cost no thread each and the client takes as little of the machine's two
 * cores as it can. Every request carries its user's own dev token. The end-to-end suite keeps the
 * JDK's client (GatewayClient): it makes few requests and reads more simply as plain calls.
 */
final class LoadClient implements AutoCloseable {

    /** Where a request goes: through the gateway, or straight to one service. */
    record Target(String name, String host, int port) {
        static Target of(String name, String url) {
            URI uri = URI.create(url);
            return new Target(name, uri.getHost(), uri.getPort());
        }
    }

    final Vertx vertx;
    private final HttpClient http;

    LoadClient(int connectionsPerTarget) {
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(5_000).setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(connectionsPerTarget).setMaxWaitQueueSize(-1));
    }

    Future<Answer> get(Target target, String user, String path) {
        return send(target, HttpMethod.GET, user, path, null);
    }

    Future<Answer> post(Target target, String user, String path, String json) {
        return send(target, HttpMethod.POST, user, path, json);
    }

    /** The answer, or status -1 with the failure as its body: a request never fails the future. */
    Future<Answer> send(Target target, HttpMethod method, String user, String path, String json) {
        RequestOptions options = new RequestOptions().setMethod(method).setHost(target.host()).setPort(target.port())
                .setURI(path).setIdleTimeout(30_000);
        if (user != null) {
            options.putHeader("Authorization", "Bearer " + GatewayClient.token(user));
        }
        if (json != null) {
            options.putHeader("Content-Type", "application/json");
        }
        return http.request(options)
                .compose(request -> json == null ? request.send() : request.send(Buffer.buffer(json)))
                .compose(response -> response.body().map(body -> new Answer(response.statusCode(), body.toString(),
                        response.getHeader("Retry-After"))))
                .otherwise(failure -> new Answer(-1, failure.toString()));
    }

    /** Records the answer's status and how long it took from now, in the timings given. */
    Future<Answer> timed(Timings timings, Future<Answer> answer) {
        long start = System.nanoTime();
        return answer.onSuccess(a -> timings.record(a.status(), System.nanoTime() - start));
    }

    /** A future completed after a pause (a user's think time), without blocking the event loop. */
    Future<Void> pause(long millis) {
        if (millis <= 0) {
            return Future.succeededFuture();
        }
        Promise<Void> promise = Promise.promise();
        vertx.setTimer(millis, id -> promise.complete());
        return promise.future();
    }

    @Override
    public void close() {
        http.close().toCompletionStage().toCompletableFuture().join();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
