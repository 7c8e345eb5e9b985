package io.ticketing.seatlock.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.ticketing.platform.CommonError;
import io.ticketing.seatlock.config.SeatLockConfig;
import io.ticketing.seatlock.error.ErrorCode;
import io.ticketing.seatlock.error.SeatLockException;
import io.vertx.mutiny.redis.client.Response;

/**
 * Runs the Lua scripts with EVALSHA. A Redis that does not know a script yet (new, restarted or
 * flushed) answers NOSCRIPT, and the script is then sent whole once with EVAL, which also caches it.
 * Every call fails with {@link ErrorCode#LOCK_STORE_UNAVAILABLE} when Redis is unreachable or has
 * not answered within {@code seat-lock.redis-timeout}.
 */
@ApplicationScoped
public class ScriptRunner {

    private final ReactiveRedisDataSource redis;
    private final SeatLockConfig config;
    private final Map<LuaScript, String> sources = new EnumMap<>(LuaScript.class);
    private final Map<LuaScript, String> digests = new EnumMap<>(LuaScript.class);

    ScriptRunner(ReactiveRedisDataSource redis, SeatLockConfig config) {
        this.redis = redis;
        this.config = config;
        String common = read("lua/common.lua");
        for (LuaScript script : LuaScript.values()) {
            String source = common + "\n" + read(script.file);
            sources.put(script, source);
            digests.put(script, sha1(source));
        }
    }

    /**
     * Loads every script into Redis at start-up, so the first burst of a sale does not pay a
     * NOSCRIPT round trip per request. A Redis that is down now is not fatal: EVALSHA falls back later.
     */
    void preload(@Observes StartupEvent event) {
        Uni.join().all(sources.values().stream().map(source -> redis.execute("SCRIPT", "LOAD", source)).toList())
                .andCollectFailures()
                .ifNoItem().after(Duration.ofSeconds(5)).fail()
                .subscribe().with(loaded -> Log.debugf("Loaded %d Lua scripts into Redis", loaded.size()),
                        failure -> Log.warnf("Could not preload Lua scripts (Redis down?): %s", failure.toString()));
    }

    /** One plain command (no script), with the same time limit and the same failures as a script. */
    public Uni<Response> command(String name, String... arguments) {
        return redis.execute(name, arguments)
                .ifNoItem().after(config.redisTimeout()).fail()
                .onFailure(failure -> !(failure instanceof SeatLockException)).transform(failure -> translate(name, failure));
    }

    /** Runs one script call and reads its reply. */
    public <R> Uni<R> run(ScriptCall<R> call) {
        return run(call.script(), call.keys(), call.args()).map(call::read);
    }

    private Uni<Response> run(LuaScript script, List<String> keys, List<String> args) {
        return call("EVALSHA", digests.get(script), keys, args)
                .onFailure(ScriptRunner::isNoScript).recoverWithUni(() -> call("EVAL", sources.get(script), keys, args))
                .ifNoItem().after(config.redisTimeout()).fail()
                .onFailure(failure -> !(failure instanceof SeatLockException)).transform(failure -> translate(script.name(), failure));
    }

    private Uni<Response> call(String command, String script, List<String> keys, List<String> args) {
        List<String> arguments = new ArrayList<>(keys.size() + args.size() + 2);
        arguments.add(script);
        arguments.add(Integer.toString(keys.size()));
        arguments.addAll(keys);
        arguments.addAll(args);
        return redis.execute(command, arguments.toArray(String[]::new));
    }

    private static boolean isNoScript(Throwable failure) {
        return failure.getMessage() != null && failure.getMessage().startsWith("NOSCRIPT");
    }

    private static SeatLockException translate(String what, Throwable failure) {
        String message = String.valueOf(failure.getMessage());
        if (message.startsWith("ERR") || message.startsWith("WRONGTYPE")) {
            // Redis answered, but the script itself failed: a bug here, not an outage.
            Log.errorf("Redis refused %s: %s", what, message);
            return new SeatLockException(CommonError.INTERNAL_ERROR);
        }
        Log.warnf("Redis unavailable during %s: %s", what, failure.toString());
        return new SeatLockException(ErrorCode.LOCK_STORE_UNAVAILABLE);
    }

    private static String read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha1(String source) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
