package io.ticketing.seatlock.startup;

import static io.restassured.RestAssured.given;
import static io.ticketing.seatlock.support.TestData.seats;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.ticketing.seatlock.support.DevKeyResource;
import io.ticketing.seatlock.support.RedisTestResource;
import io.ticketing.seatlock.support.SeatApi;
import io.ticketing.seatlock.support.TestData;

/** The packaged app (quarkus-run.jar, prod profile) serves the API against a real Redis. */
@QuarkusIntegrationTest
@WithTestResource(RedisTestResource.class)
@WithTestResource(DevKeyResource.class)
class PackagedSeatLockIT {

    @Test
    void packagedAppHoldsASeatForOneUserOnly() {
        long schedule = TestData.newScheduleId();
        String token = SeatApi.lockToken("packaged-1", schedule, seats(1));
        SeatApi.lock("packaged-2", schedule, seats(1)).statusCode(409)
                .contentType("application/problem+json").body("code", is("SEAT_ALREADY_LOCKED"))
                .body("detail", is("이미 다른 사람이 선택 중입니다."));
        SeatApi.release("packaged-1", schedule, token).statusCode(200).body("released.size()", is(1));
    }

    @Test
    void packagedAppIsReadyAndDocumentsItsApi() throws InterruptedException {
        // Started is not ready: the warm-up (up to seat-lock.warm-up.max-time, 2 s) runs first, as a
        // readiness probe would see. Ready within 10 s of starting, then.
        for (int i = 0; i < 100 && given().when().get("/q/health/ready").statusCode() != 200; i++) {
            Thread.sleep(100);
        }
        given().when().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
        // The Kubernetes startup probe's path.
        given().when().get("/q/health/started").then().statusCode(200).body("status", is("UP"));
        given().when().get("/q/openapi").then().statusCode(200);
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }
}
