package io.ticketing.platform;

import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;

/**
 * The failures of the HTTP plumbing (unreadable JSON, no token, no such path or method) and every
 * failure nobody expected, as problem+json: no stack trace or class name ever reaches a client.
 * Each service maps its own domain exceptions beside this.
 */
public class HttpProblemMapper {

    private final Instance<FailureTranslator> translators;

    HttpProblemMapper(Instance<FailureTranslator> translators) {
        this.translators = translators;
    }

    @ServerExceptionMapper
    Response mismatchedInput(MismatchedInputException e, HttpHeaders headers, UriInfo uri) {
        return Problems.response(CommonError.INVALID_FIELD, fieldPath(e), headers, uri);
    }

    @ServerExceptionMapper
    Response malformedJson(JsonProcessingException e, HttpHeaders headers, UriInfo uri) {
        return Problems.response(CommonError.MALFORMED_JSON, null, headers, uri);
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    Response unauthenticated(HttpHeaders headers, UriInfo uri) {
        return Response.fromResponse(Problems.response(CommonError.UNAUTHENTICATED, null, headers, uri))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    Response notFound(NotFoundException e, HttpHeaders headers, UriInfo uri) {
        return Problems.response(CommonError.NOT_FOUND, null, headers, uri);
    }

    @ServerExceptionMapper
    Response notAllowed(NotAllowedException e, HttpHeaders headers, UriInfo uri) {
        return Problems.response(CommonError.METHOD_NOT_ALLOWED, null, headers, uri);
    }

    @ServerExceptionMapper
    Response unsupportedMediaType(NotSupportedException e, HttpHeaders headers, UriInfo uri) {
        return Problems.response(CommonError.UNSUPPORTED_MEDIA_TYPE, null, headers, uri);
    }

    @ServerExceptionMapper
    Response webApplication(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json instanceof MismatchedInputException mismatch ? mismatchedInput(mismatch, headers, uri)
                    : malformedJson(json, headers, uri);
        }
        if (e.getResponse().getStatus() == 400) {
            return Problems.response(CommonError.MALFORMED_JSON, null, headers, uri);
        }
        Log.warnf("Unmapped HTTP error %d: %s", e.getResponse().getStatus(), e.getMessage());
        return Problems.response(CommonError.INTERNAL_ERROR, null, headers, uri);
    }

    @ServerExceptionMapper
    Response unexpected(Throwable e, HttpHeaders headers, UriInfo uri) {
        for (FailureTranslator translator : translators) {
            ProblemCode known = translator.translate(e);
            if (known != null && known != CommonError.INTERNAL_ERROR) {
                Log.warnf("%s: %s", known.name(), e.toString());
                return Problems.response(known, null, headers, uri);
            }
        }
        Log.error("Unexpected failure", e);
        return Problems.response(CommonError.INTERNAL_ERROR, null, headers, uri);
    }

    private static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }
}
