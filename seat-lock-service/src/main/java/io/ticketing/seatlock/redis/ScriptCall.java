package io.ticketing.seatlock.redis;

import java.util.List;

import io.vertx.mutiny.redis.client.Response;

/**
 * One call of one Lua script: the script, its {@code KEYS} and {@code ARGV} in the order the script
 * reads them, and how its reply reads. Each script has exactly one implementation, package-private in
 * the feature that runs the script (hold, sale, stream), so a change of a script's layout or reply
 * breaks one class.
 */
public interface ScriptCall<R> {

    LuaScript script();

    List<String> keys();

    List<String> args();

    R read(Response reply);
}
