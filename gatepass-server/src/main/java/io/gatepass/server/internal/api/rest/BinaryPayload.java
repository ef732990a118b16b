package io.gatepass.server.internal.api.rest;

import java.util.Map;

/**
 * An output whose restJson payload is a blob (the model's {@code payload} member of type {@code blob}): the body is
 * these bytes as {@code application/octet-stream}, and the output's header-bound members are {@link #headers()}.
 */
public interface BinaryPayload {
    byte[] payload();

    /** Response headers for the members the model binds to headers (no nulls). */
    Map<String, String> headers();
}
