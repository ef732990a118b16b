package io.gatepass.server.internal.endpoints.packages;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A request to a repository endpoint, as a format sees it.
 *
 * @param method  upper-case HTTP method (GET, HEAD, PUT, POST, DELETE); a HEAD is answered like a GET, and the front
 *                door drops the body but keeps its Content-Length
 * @param path    the raw path after {@code /<format>/<repository>/}, still percent-encoded (so npm's
 *                {@code @scope%2fname} stays distinguishable from {@code @scope/name}); "" for the endpoint itself
 * @param query   the raw query string without '?', "" if none
 * @param headers request headers, names in lower case
 * @param body    the uploaded body, spooled to a temporary file (deleted by the front door after the response),
 *                or empty when the request had none
 * @param access  the repository, its URLs, the caller's permissions, and the stores
 */
public record PackageRequest(String method, String path, String query, Map<String, List<String>> headers,
                             Optional<Upload> body, RepositoryAccess access) {

    /**
     * An uploaded body on disk.
     *
     * @param file   the temporary file; read it, don't keep it (it is deleted after the response)
     * @param length its size in bytes
     */
    public record Upload(Path file, long length) {
    }

    public PackageRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = query == null ? "" : query;
        headers = headers == null ? Map.of() : headers;
        body = body == null ? Optional.empty() : body;
        Objects.requireNonNull(access, "access");
    }

    /** The first value of a header (name in any case), or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The first value of a query parameter, percent-decoded, or null. */
    public String queryParameter(String name) {
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            if (key.equals(name)) {
                return eq < 0 ? "" : decode(pair.substring(eq + 1));
            }
        }
        return null;
    }

    /**
     * The path's segments (split at '/'), each percent-decoded ({@code %2f} becomes '/' inside its segment). An
     * empty path has no segments; a trailing '/' gives a trailing "" segment.
     */
    public List<String> segments() {
        List<String> segments = new ArrayList<>();
        if (path.isEmpty()) {
            return segments;
        }
        for (String raw : path.split("/", -1)) {
            segments.add(decodePath(raw));
        }
        return segments;
    }

    public boolean isRead() {
        return method.equals("GET") || method.equals("HEAD");
    }

    /**
     * Percent-decodes a path segment ('+' stays '+').
     *
     * @throws IllegalArgumentException for a malformed escape (a format answers 400 or 404)
     */
    public static String decodePath(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Form-decodes a query part; a malformed escape is left as written. */
    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return raw;
        }
    }
}
