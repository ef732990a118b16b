package io.gatepass.server.internal.protocol;

import java.util.List;

import io.gatepass.server.internal.api.rest.BlobContent;

import java.util.Map;

/**
 * An HTTP request as it came off the wire, independent of the HTTP library.
 *
 * @param method   upper-case HTTP method
 * @param rawPath  the path, still percent-encoded
 * @param rawQuery the query string without '?', still percent-encoded; empty when absent
 * @param headers  header names lower-cased, values in arrival order
 * @param body     the whole body (bounded by the configured limit); empty when {@code upload} holds it
 * @param upload   a streaming blob payload the front door spooled to disk (see {@link BlobContent.Spooled}), or null
 */
public record WireRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                          byte[] body, BlobContent.Spooled upload) {

    /** A request whose body, if any, is in memory. */
    public WireRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                       byte[] body) {
        this(method, rawPath, rawQuery, headers, body, null);
    }

    /** The same request with its body, once the body has been read. */
    public WireRequest withBody(byte[] fullBody) {
        return new WireRequest(method, rawPath, rawQuery, headers, fullBody, upload);
    }

    /** The same request with its body spooled to disk instead of in memory. */
    public WireRequest withUpload(BlobContent.Spooled spooled) {
        return new WireRequest(method, rawPath, rawQuery, headers, new byte[0], spooled);
    }

    /** The first value of a header (name in any case), or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
