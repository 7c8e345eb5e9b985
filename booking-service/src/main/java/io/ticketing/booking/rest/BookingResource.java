package io.ticketing.booking.rest;

import java.time.Duration;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import io.ticketing.booking.booking.BookingCancellation;
import io.ticketing.booking.booking.BookingCommand;
import io.ticketing.booking.booking.BookingOutcome;
import io.ticketing.booking.booking.BookingQueries;
import io.ticketing.booking.booking.BookingService;
import io.ticketing.booking.booking.Caller;
import io.ticketing.booking.rest.Requests.BookingRequest;
import io.ticketing.booking.rest.Responses.BookingPage;
import io.ticketing.booking.rest.Responses.BookingView;
import io.ticketing.platform.CurrentUser;

/** Bookings of the authenticated user. Another user's booking answers 404, as if it did not exist. */
@Path("/api/v1/tickets/bookings")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Bookings")
@SecurityRequirement(name = "jwt")
public class BookingResource {

    /** The part of its own timeout the gateway grants a request, in milliseconds (docs/operations.md: "Time budgets"). */
    static final String BUDGET_HEADER = "X-Request-Budget-Ms";

    private final BookingService bookings;
    private final BookingQueries queries;
    private final BookingCancellation cancellation;
    private final RequestValidator validate;
    private final CurrentUser user;

    BookingResource(BookingService bookings, BookingQueries queries, BookingCancellation cancellation,
            RequestValidator validate, CurrentUser user) {
        this.bookings = bookings;
        this.queries = queries;
        this.cancellation = cancellation;
        this.validate = validate;
        this.user = user;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Book held (or free) seats", description = "Same Idempotency-Key and body: the same booking again.")
    public Response book(@HeaderParam("Idempotency-Key") String idempotencyKey,
            @HeaderParam(BUDGET_HEADER) String budgetMillis, BookingRequest request) {
        BookingCommand command = validate.booking(request, idempotencyKey);
        BookingOutcome outcome = bookings.book(Caller.of(user), command, budget(budgetMillis));
        BookingView view = BookingView.of(outcome.details());
        // A relative Location (RFC 9110 allows it): built from the request's Host header it would point
        // wherever a client's Host says, behind the gateway as well.
        return Response.status(Response.Status.CREATED).header(HttpHeaders.LOCATION, "/api/v1/tickets/bookings/" + view.bookingId())
                .header("Idempotent-Replayed", Boolean.toString(outcome.replayed())).entity(view).build();
    }

    @GET
    @Path("/{booking_id}")
    public BookingView booking(@PathParam("booking_id") long bookingId) {
        return BookingView.of(queries.get(user.id(), bookingId));
    }

    @GET
    @Operation(summary = "The caller's bookings, newest first")
    public BookingPage mine(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        int pageIndex = validate.page(page);
        int pageSize = validate.size(size);
        String userId = user.id();
        return new BookingPage(queries.page(userId, pageIndex, pageSize).stream().map(BookingView::of).toList(),
                pageIndex, pageSize, queries.count(userId));
    }

    @POST
    @Path("/{booking_id}/cancel")
    @Operation(summary = "Cancel a booking; its seats can be held and booked again")
    public BookingView cancel(@PathParam("booking_id") long bookingId) {
        return BookingView.of(cancellation.cancel(Caller.of(user), bookingId));
    }

    /** The gateway's budget; a missing or malformed one leaves the service's own. */
    private static Optional<Duration> budget(String millis) {
        try {
            return millis == null ? Optional.empty() : Optional.of(Duration.ofMillis(Long.parseLong(millis.trim())))
                    .filter(budget -> !budget.isNegative());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
