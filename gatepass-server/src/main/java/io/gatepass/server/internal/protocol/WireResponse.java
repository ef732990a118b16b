package io.gatepass.server.internal.protocol;

import java.util.LinkedHashMap;

import io.gatepass.server.internal.api.rest.StreamedBody;

import java.util.Map;

/**
 * An HTTP response to write: status, headers and body bytes, or instead of the bytes a {@link StreamedBody} (a blob
 * payload) to copy to the client as it takes it.
 */
public record WireResponse(int status, Map<String, String> headers, byte[] body, StreamedBody streamed) {

    public WireResponse(int status, Map<String, String> headers, byte[] body) {
        this(status, headers, body, null);
    }

    public static WireResponse of(int status, String contentType, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        return new WireResponse(status, headers, body);
    }

    public WireResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new WireResponse(status, copy, body, streamed);
    }

    /** Two headers added with one copy of the map (every API answer gets its request id and date this way). */
    public WireResponse withHeaders(String name, String value, String otherName, String otherValue) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        copy.put(otherName, otherValue);
        return new WireResponse(status, copy, body, streamed);
    }
}
