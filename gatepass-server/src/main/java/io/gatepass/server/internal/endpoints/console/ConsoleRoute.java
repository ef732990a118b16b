package io.gatepass.server.internal.endpoints.console;

import io.gatepass.core.error.ServiceException;
import io.gatepass.server.internal.api.CommonErrors;
import io.gatepass.server.internal.protocol.WireRequest;
import io.gatepass.server.internal.protocol.WireResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * {@code GET /console/...}: the console's static files (class path resources under {@code gatepass-console/}), with
 * the headers that keep the page to itself: no inline script, no framing, connections only to this origin. Files
 * under {@code assets/} carry a content hash in their name and are cached for good; {@code index.html} is revalidated.
 * Nothing here is secret: the page shows nothing until the user signs in and the APIs answer its signed calls.
 */
public final class ConsoleRoute {
    /** Where the console is served; the ready line names it. */
    public static final String PATH = "/console/";
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";
    private static final String RESOURCE_ROOT = "gatepass-console/";
    /** Plain file names in plain folders: no dot segments, no escapes, nothing a class path lookup could widen. */
    private static final Pattern FILE = Pattern.compile("(?:[A-Za-z0-9_-][A-Za-z0-9._-]*/)*[A-Za-z0-9_-][A-Za-z0-9._-]*");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "woff2", "font/woff2",
            "json", "application/json");

    private final ClassLoader loader;
    /** Files found so far (the bundle is a few small files); misses are not kept. */
    private final Map<String, WireResponse> files = new ConcurrentHashMap<>();

    public ConsoleRoute(ClassLoader loader) {
        this.loader = loader;
    }

    /** The console bundled on this class path (the gatepass-console jar). */
    public static ConsoleRoute fromClassPath() {
        return new ConsoleRoute(ConsoleRoute.class.getClassLoader());
    }

    public boolean handles(String path) {
        return path.equals("/console") || path.startsWith(PATH);
    }

    /**
     * The answer to a request this route {@link #handles}: the file, or NotFound (404) for a file the console does not
     * have and MethodNotAllowed (405) for anything but GET, written by {@code errors} in the usual shape.
     */
    public WireResponse answer(WireRequest request, BiFunction<WireRequest, ServiceException, WireResponse> errors) {
        try {
            return file(request.method(), request.rawPath());
        } catch (ServiceException e) {
            WireResponse error = errors.apply(request, e);
            return new WireResponse(error.status(), withSecurityHeaders(error.headers()), error.body());
        }
    }

    private WireResponse file(String method, String path) {
        if (!method.equals("GET")) {
            throw ConsoleErrors.METHOD_NOT_ALLOWED.exception("The console is read with GET only.");
        }
        if (path.equals("/console")) {
            return new WireResponse(301, withSecurityHeaders(Map.of("Location", PATH, "Cache-Control", "no-cache")),
                    new byte[0]);
        }
        String file = path.substring(PATH.length());
        if (file.isEmpty()) {
            file = "index.html";
        }
        String name = file;
        return Optional.ofNullable(files.get(name)).or(() -> load(name).map(found -> {
            files.put(name, found);
            return found;
        })).orElseThrow(() -> CommonErrors.NOT_FOUND.exception("The console has no file %s", path));
    }

    private Optional<WireResponse> load(String file) {
        if (!FILE.matcher(file).matches()) {
            return Optional.empty();
        }
        try (InputStream in = loader.getResourceAsStream(RESOURCE_ROOT + file)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] body = in.readAllBytes();
            int dot = file.lastIndexOf('.');
            String type = TYPES.getOrDefault(dot < 0 ? "" : file.substring(dot + 1), "application/octet-stream");
            String caching = file.startsWith("assets/") ? "public, max-age=31536000, immutable" : "no-cache";
            return Optional.of(new WireResponse(200,
                    withSecurityHeaders(Map.of("Content-Type", type, "Cache-Control", caching)), body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The headers every console answer carries, errors too. */
    static Map<String, String> withSecurityHeaders(Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        all.put("X-Content-Type-Options", "nosniff");
        all.put("Referrer-Policy", "no-referrer");
        all.put("X-Frame-Options", "DENY");
        all.put("Cross-Origin-Opener-Policy", "same-origin");
        return all;
    }
}
