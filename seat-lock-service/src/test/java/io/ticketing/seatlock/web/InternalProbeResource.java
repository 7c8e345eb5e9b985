package io.ticketing.seatlock.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * An internal resource that nothing in the service knows of, as a new one added later would be:
 * {@link ServiceKeyFilterTest} shows that it is closed all the same. Tests only.
 */
@Path("/internal/v1/probe")
public class InternalProbeResource {

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String probe() {
        return "reached";
    }
}
