package io.ticketing.booking.client;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Passes the gateway's {@code X-Request-Id} on to seat-lock-service, so that one request can be
 * followed through both services' access logs. Calls made outside a request (a claim given back in
 * the background) have no incoming headers and send none.
 */
public class RequestIdHeaders implements ClientHeadersFactory {

    static final String REQUEST_ID = "X-Request-Id";

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
            MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        String requestId = incoming == null ? null : incoming.getFirst(REQUEST_ID);
        if (requestId != null && !requestId.isBlank() && requestId.length() <= 128) {
            headers.putSingle(REQUEST_ID, requestId);
        }
        return headers;
    }
}
