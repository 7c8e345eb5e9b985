package io.ticketing.seatlock.support;

import java.net.URI;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.ticketing.testsupport.FaultProxy;
import io.ticketing.testsupport.TestRedis;

/** A real Redis behind a {@link FaultProxy}, which tests can slow down ({@link #proxy()}). */
public class SlowRedisResource implements QuarkusTestResourceLifecycleManager {

    private static volatile FaultProxy proxy;
    private TestRedis redis;

    @Override
    public Map<String, String> start() {
        redis = TestRedis.start();
        URI target = URI.create(redis.url());
        proxy = FaultProxy.to(target.getHost(), target.getPort());
        return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:" + proxy.port());
    }

    @Override
    public void stop() {
        proxy.close();
        redis.close();
    }

    public static FaultProxy proxy() {
        return proxy;
    }
}
