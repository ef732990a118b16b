package io.gatepass.server.internal.auth.sigv4;

import java.util.Objects;

/**
 * A request to verify, exactly as it came off the wire.
 *
 * @param method           the HTTP method, as sent (upper case)
 * @param rawPath          the path, still percent-encoded as on the wire; never decoded or normalized by the caller
 * @param rawQuery         the query string without '?', still percent-encoded as on the wire; null or empty when
 *                         absent
 * @param headers          all request headers, including {@code host} (for HTTP/2 the caller maps
 *                         {@code :authority} to {@code host})
 * @param body             the whole body, or null when {@code payloadSha256Hex} is given instead
 * @param payloadSha256Hex the lower-case hex SHA-256 of the body when the caller hashed it already (for example
 *                         while streaming), or null when {@code body} is given
 */
public record SignedRequest(String method, String rawPath, String rawQuery, RequestHeaders headers, byte[] body,
                            String payloadSha256Hex) {

    public SignedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rawPath, "rawPath");
        Objects.requireNonNull(headers, "headers");
        if ((body == null) == (payloadSha256Hex == null)) {
            throw new IllegalArgumentException("give exactly one of body and payloadSha256Hex");
        }
    }

    /** A request with its whole body. */
    public static SignedRequest of(String method, String rawPath, String rawQuery, RequestHeaders headers,
                                   byte[] body) {
        return new SignedRequest(method, rawPath, rawQuery, headers, body, null);
    }

    /** A request whose body the caller has already hashed. */
    public static SignedRequest withPayloadHash(String method, String rawPath, String rawQuery,
                                                RequestHeaders headers, String payloadSha256Hex) {
        return new SignedRequest(method, rawPath, rawQuery, headers, null, payloadSha256Hex);
    }

    @Override
    public String toString() {
        return "SignedRequest[" + method + " " + rawPath + (rawQuery == null || rawQuery.isEmpty() ? "" : "?…")
                + (body == null ? ", payload hashed" : ", " + body.length + " bytes") + "]";
    }
}
