package io.ticketing.platform;

/** How large a body each path of a service may send, declared by the service ({@link BodySizeLimit} enforces it). */
public interface BodyLimits {

    /** The largest body, in bytes, that a request to {@code path} may declare. */
    long maxBodyBytes(String path);
}
