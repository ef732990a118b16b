package io.gatepass.server.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP response to write: status, headers and body bytes. */
public record WireResponse(int status, Map<String, String> headers, byte[] body) {

    public static WireResponse of(int status, String contentType, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        return new WireResponse(status, headers, body);
    }

    public WireResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new WireResponse(status, copy, body);
    }
}
