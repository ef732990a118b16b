package io.gatepass.server.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An HTTP/1.1 request exactly as it goes on the wire, bytes the JDK's client would refuse to send included.
 *
 * @param target  the request target: path and query, as sent
 * @param headers in order; {@code Host}, {@code Content-Length} and {@code Connection} are added when sent
 */
public record RawRequest(String method, String target, List<Map.Entry<String, String>> headers, byte[] body) {

    public RawRequest {
        headers = List.copyOf(headers);
    }

    public String header(String name) {
        for (Map.Entry<String, String> header : headers) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }

    public String path() {
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }

    public RawRequest withBody(byte[] value) {
        return new RawRequest(method, target, headers, value);
    }

    public RawRequest withTarget(String value) {
        return new RawRequest(method, value, headers, body);
    }

    /** A copy with the header replaced (or added, or removed when {@code value} is null). */
    public RawRequest withHeader(String name, String value) {
        List<Map.Entry<String, String>> copy = new ArrayList<>();
        for (Map.Entry<String, String> header : headers) {
            if (!header.getKey().equalsIgnoreCase(name)) {
                copy.add(header);
            }
        }
        if (value != null) {
            copy.add(Map.entry(name, value));
        }
        return new RawRequest(method, target, copy, body);
    }

    /** A copy with one more header, after the others (a duplicate when the name is already there). */
    public RawRequest plusHeader(String name, String value) {
        List<Map.Entry<String, String>> copy = new ArrayList<>(headers);
        copy.add(Map.entry(name, value));
        return new RawRequest(method, target, copy, body);
    }

    /** Which AWS protocol the server will take this for, by the same rules as its protocol selector. */
    public String protocol() {
        if (header("x-amz-target") != null) {
            return "awsJson1_1";
        }
        String path = target.strip(); // blanks around the target are the request line's, as Netty reads it
        if (path.startsWith("/service/") || header("smithy-protocol") != null) {
            return "rpcv2Cbor";
        }
        if (path.startsWith("/v1/") || path.startsWith("/gatepass/")) { // Gatepass's own API speaks restJson too
            return "restJson";
        }
        return "query";
    }

    /** For failure messages and corpus files: request line, headers, a blank line, the body (hex for CBOR). */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(method).append(' ').append(target).append('\n');
        headers.forEach(h -> text.append(h.getKey()).append(": ").append(h.getValue()).append('\n'));
        int shown = Math.min(body.length, 4000);
        text.append('\n');
        if (protocol().equals("rpcv2Cbor")) {
            text.append("hex:").append(java.util.HexFormat.of().formatHex(body, 0, shown));
        } else {
            text.append(new String(body, 0, shown, StandardCharsets.ISO_8859_1));
        }
        return text.toString();
    }
}
