package io.gatepass.server.internal.endpoints.packages;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a format answers. The body is either bytes in memory ({@link #bytes}) or a blob from the blob store
 * ({@link #blob}), which the front door streams with its Content-Length without holding it in memory. The front door
 * sets Content-Length itself and never compresses.
 *
 * @param status      HTTP status
 * @param headers     response headers (e.g. Content-Type, ETag, Vary), in order
 * @param bytes       the body in memory, or null when {@code blobKey} is set
 * @param blobKey     the blob to stream, or null
 * @param blobLength  the blob's length (the Content-Length), when {@code blobKey} is set
 */
public record PackageResponse(int status, Map<String, String> headers, byte[] bytes, String blobKey,
                              long blobLength) {
    public PackageResponse {
        headers = headers == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(headers));
        if ((bytes == null) == (blobKey == null)) {
            throw new IllegalArgumentException("a response has either bytes or a blob");
        }
    }

    /** A body in memory. */
    public static PackageResponse bytes(int status, String contentType, byte[] body) {
        Objects.requireNonNull(body, "body");
        return new PackageResponse(status, Map.of("Content-Type", contentType), body, null, 0);
    }

    /** A JSON body, {@code application/json}. */
    public static PackageResponse json(int status, String json) {
        return bytes(status, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** A text body, {@code text/plain; charset=utf-8}. */
    public static PackageResponse text(int status, String text) {
        return bytes(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    /** An empty body. */
    public static PackageResponse empty(int status) {
        return new PackageResponse(status, Map.of(), new byte[0], null, 0);
    }

    /** A blob streamed from the blob store. */
    public static PackageResponse blob(int status, String contentType, String blobKey, long length) {
        Objects.requireNonNull(blobKey, "blobKey");
        return new PackageResponse(status, Map.of("Content-Type", contentType), null, blobKey, length);
    }

    /** This response with one more header (replacing one of the same name). */
    public PackageResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new PackageResponse(status, more, bytes, blobKey, blobLength);
    }
}
