package io.gatepass.server.internal.http;

import io.vertx.core.http.HttpHeaders;

import java.util.Map;

/**
 * The header names and values every API answer carries, made once as Netty's ASCII strings: their hash is kept, so
 * the response's header map does not compute it again for each answer, and they are copied to the wire as bytes
 * rather than character by character. The text is the same; anything else is written as it is given.
 */
final class ResponseHeaderText {
    private static final Map<String, CharSequence> PREBUILT = prebuilt(
            "Content-Type", "x-amzn-RequestId", "x-amzn-ErrorType", "Date",
            "application/json", "application/x-amz-json-1.1", "text/xml", "application/cbor", "smithy-protocol",
            "rpc-v2-cbor");

    private ResponseHeaderText() {
    }

    /** The prebuilt text equal to {@code text}, or {@code text} itself. */
    static CharSequence of(String text) {
        CharSequence prebuilt = PREBUILT.get(text);
        return prebuilt != null ? prebuilt : text;
    }

    private static Map<String, CharSequence> prebuilt(String... texts) {
        Map<String, CharSequence> map = new java.util.HashMap<>();
        for (String text : texts) {
            map.put(text, HttpHeaders.createOptimized(text));
        }
        return Map.copyOf(map);
    }
}
