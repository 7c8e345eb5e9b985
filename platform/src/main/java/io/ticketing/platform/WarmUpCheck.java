package io.ticketing.platform;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;

/**
 * DOWN until the warm-up has run: the startup probe (/q/health/started) and readiness
 * (/q/health/ready) wait for it, so no traffic is routed to a cold instance.
 */
@Startup
@Readiness
@ApplicationScoped
class WarmUpCheck implements HealthCheck {

    private final WarmUpState state;

    WarmUpCheck(WarmUpState state) {
        this.state = state;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("warm-up").status(state.done()).build();
    }
}
