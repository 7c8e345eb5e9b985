package io.ticketing.seatlock.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.ticketing.seatlock.support.RedisTestResource;

/** The service key guards every path under /internal/, not a list of resources: a new one is closed by default. */
@QuarkusTest
@WithTestResource(RedisTestResource.class)
class ServiceKeyFilterTest {

    /** The test profile's key (application.properties, LOCAL-ONLY). */
    private static final String KEY = "local-only-service-key";

    @Test
    void anInternalResourceNobodyListedIsClosedWithoutTheKey() {
        given().when().get("/internal/v1/probe").then().statusCode(403)
                .contentType("application/problem+json").body("code", is("SERVICE_KEY_INVALID"));
        given().header("X-Service-Key", "not-the-key").when().get("/internal/v1/probe").then().statusCode(403)
                .body("code", is("SERVICE_KEY_INVALID"));
        given().header("X-Service-Key", KEY).when().get("/internal/v1/probe").then().statusCode(200).body(is("reached"));
    }

    @Test
    void aPublicPathNeedsNoKey() {
        given().when().get("/q/health/live").then().statusCode(200);
    }
}
