package io.ticketing.seatlock.support;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.ticketing.testsupport.TestRedis;

/** A real Redis for the tests: TICKETING_TEST_REDIS_HOSTS when set, else an embedded redis-server. */
public class RedisTestResource implements QuarkusTestResourceLifecycleManager {

    private TestRedis redis;

    @Override
    public Map<String, String> start() {
        redis = TestRedis.start();
        return Map.of("quarkus.redis.hosts", redis.url());
    }

    @Override
    public void stop() {
        redis.close();
    }
}
