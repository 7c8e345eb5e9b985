package io.ticketing.seatlock.startup;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import io.ticketing.seatlock.config.SeatLockConfig;

/**
 * Ready only while Redis answers PING within the same deadline as a request. Replaces the built-in
 * check, whose longer timeout would hold a readiness probe past the kubelet's own timeout.
 */
@Readiness
@ApplicationScoped
class RedisReadinessCheck implements AsyncHealthCheck {

    private final ReactiveRedisDataSource redis;
    private final SeatLockConfig config;

    RedisReadinessCheck(ReactiveRedisDataSource redis, SeatLockConfig config) {
        this.redis = redis;
        this.config = config;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return redis.execute("PING")
                .ifNoItem().after(config.redisTimeout()).fail()
                .map(pong -> HealthCheckResponse.up("redis"))
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named("redis").down()
                        .withData("reason", failure instanceof TimeoutException ? "timeout" : "unreachable")
                        .build());
    }
}
