package io.ticketing.seatlock.rest;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.ticketing.platform.CommonError;
import io.ticketing.seatlock.error.SeatLockException;
import io.ticketing.seatlock.rest.Requests.PublishSeatMapRequest;
import io.ticketing.seatlock.rest.Requests.ScheduleIdsRequest;
import io.ticketing.seatlock.rest.Requests.StagedSeatsRequest;
import io.ticketing.seatlock.rest.Responses.PublishSeatMapResponse;
import io.ticketing.seatlock.rest.Responses.SeatMapVersion;
import io.ticketing.seatlock.rest.Responses.SeatMapVersionsResponse;
import io.ticketing.seatlock.rest.Responses.StagedSeatsResponse;
import io.ticketing.seatlock.sale.SeatMaps;

/**
 * booking-service publishes each schedule's sale here ({@link SeatMaps}): its seat map in staged
 * pages, then its window with it; and asks which versions seat-lock has, to publish again what is
 * missing or old. The service key alone ({@code ServiceKeyFilter}); not routed by the gateway. Its
 * bodies may be up to {@value #MAX_BODY_BYTES} bytes (a page of a large hall).
 */
@Path("/internal/v1/seat-maps")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Internal: seat maps and sales windows")
public class InternalSeatMapResource {

    public static final String PATH = "/internal/v1/seat-maps";
    public static final int MAX_BODY_BYTES = 256 * 1024;
    /**
     * Seats in one staged page, and off-sale seats in one publication: more than booking sends
     * (pages of 5,000; at most 10,000 seats withdrawn plus 1,000 being changed).
     */
    static final int MAX_SEATS_PER_PAGE = 20_000;
    static final int MAX_SCHEDULES_PER_CHECK = 1_000;

    private final SeatMaps seatMaps;
    private final RequestValidator validate;

    InternalSeatMapResource(SeatMaps seatMaps, RequestValidator validate) {
        this.seatMaps = seatMaps;
        this.validate = validate;
    }

    @POST
    @Path("/staged")
    @Operation(summary = "Add a page of seats to a seat map being published")
    public Uni<StagedSeatsResponse> stage(StagedSeatsRequest request) {
        validate.body(request);
        long scheduleId = validate.positiveId(request.scheduleId(), "schedule_id");
        String staging = validate.token(request.staging(), "staging");
        var seats = validate.seatRows(request.seats(), "seats", MAX_SEATS_PER_PAGE);
        return seatMaps.stage(scheduleId, staging, seats).map(staged -> new StagedSeatsResponse(scheduleId, staged));
    }

    @POST
    @Operation(summary = "Publish a schedule's sales window with its staged seat map, if newer than what seat-lock has")
    public Uni<PublishSeatMapResponse> publish(PublishSeatMapRequest request) {
        validate.body(request);
        long scheduleId = validate.positiveId(request.scheduleId(), "schedule_id");
        long version = validate.positiveId(request.version(), "version");
        if (request.salesOpenAt() == null || request.salesCloseAt() == null || request.keepUntil() == null) {
            throw new SeatLockException(CommonError.MISSING_FIELD, request.salesOpenAt() == null ? "sales_open_at"
                    : request.salesCloseAt() == null ? "sales_close_at" : "keep_until");
        }
        if (!request.salesOpenAt().isBefore(request.salesCloseAt())) {
            throw new SeatLockException(CommonError.INVALID_FIELD, "sales_close_at");
        }
        String staging = request.staging() == null ? "none" : validate.token(request.staging(), "staging");
        if (request.seats() == null || request.seats() < 0) {
            throw new SeatLockException(request.seats() == null ? CommonError.MISSING_FIELD : CommonError.INVALID_FIELD, "seats");
        }
        var offSale = validate.seatRows(request.offSale(), "off_sale", MAX_SEATS_PER_PAGE);
        return seatMaps.publish(scheduleId, version, request.salesOpenAt(), request.salesCloseAt(), request.keepUntil(), staging,
                request.seats(), offSale).map(outcome -> new PublishSeatMapResponse(scheduleId, outcome.publication(), outcome.publishedVersion(),
                        outcome.seatsInUse()));
    }

    @POST
    @Path("/complete")
    @Operation(summary = "booking has published every schedule on sale: a schedule seat-lock does not know is unknown")
    public Uni<Void> complete() {
        return seatMaps.markComplete();
    }

    @POST
    @Path("/versions")
    @Operation(summary = "Which version of each schedule's sale seat-lock has (null: none)")
    public Uni<SeatMapVersionsResponse> versions(ScheduleIdsRequest request) {
        List<Long> ids = validate.scheduleIds(validate.body(request).scheduleIds(), MAX_SCHEDULES_PER_CHECK);
        return seatMaps.versions(ids).map(versions -> {
            List<SeatMapVersion> answer = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                answer.add(new SeatMapVersion(ids.get(i), versions.get(i) < 0 ? null : versions.get(i)));
            }
            return new SeatMapVersionsResponse(answer);
        });
    }
}
