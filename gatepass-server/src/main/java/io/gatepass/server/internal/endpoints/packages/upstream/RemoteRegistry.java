package io.gatepass.server.internal.endpoints.packages.upstream;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches from public registries with the JDK's asynchronous HttpClient (its own selector thread; no event loop is
 * ever involved): the calling worker waits at most the request timeout, so a slow or dead registry costs a bounded
 * wait and then a clear 504 or 502, never a hung request. Bodies are bounded while they stream (metadata in memory,
 * assets on disk; see {@link LimitedBody}): a registry that sends more than the limit, declared or not, is cut off at
 * the limit and answered as failing (502), and nothing of what it sent is kept.
 */
public final class RemoteRegistry {
    /** The largest metadata document (packument, simple page, maven-metadata) read into memory. */
    public static final long MAX_METADATA_BYTES = 64L * 1024 * 1024;

    /**
     * Made on the first fetch, not with the server: building one starts its selector thread and loads the JDK's HTTP
     * client and TLS classes, some 0.15 s of CPU at start-up (issue 12) that a node without upstreams never needs.
     */
    private final java.util.function.Supplier<HttpClient> client;
    private final Duration timeout;
    private final long maxMetadataBytes;

    public RemoteRegistry(Duration connectTimeout, Duration timeout) {
        this(connectTimeout, timeout, MAX_METADATA_BYTES);
    }

    /** @param maxMetadataBytes the largest metadata document read ({@link #MAX_METADATA_BYTES} in a server) */
    public RemoteRegistry(Duration connectTimeout, Duration timeout, long maxMetadataBytes) {
        this.client = new LazyClient(connectTimeout);
        this.timeout = timeout;
        this.maxMetadataBytes = maxMetadataBytes;
    }

    /** How long a fetch may take before it is abandoned (504). */
    public Duration timeout() {
        return timeout;
    }

    /**
     * A metadata document.
     *
     * @return empty when the registry has nothing there (404, 410)
     * @throws UpstreamUnavailable when it cannot be reached, fails, is too slow or sends too much
     */
    public Optional<byte[]> fetch(URI url, String accept) {
        HttpResponse<byte[]> response = send(request(url, accept), LimitedBody.bytes(url, maxMetadataBytes), url);
        if (missing(response.statusCode())) {
            return Optional.empty();
        }
        requireOk(response.statusCode(), url);
        return Optional.of(response.body());
    }

    /**
     * An asset, to a new file in {@code directory} (the caller deletes it), hashed on the way with each of
     * {@code algorithms} ({@code "SHA-256"}, ...). Nothing is left on disk when it fails or is too large.
     *
     * @return empty when the registry has nothing there (404, 410)
     * @throws UpstreamUnavailable when it cannot be reached, fails, is too slow or is larger than {@code maxBytes}
     */
    public Optional<Download> download(URI url, Path directory, long maxBytes, String... algorithms) {
        Path file;
        try {
            Files.createDirectories(directory);
            file = Files.createTempFile(directory, "upstream-", ".part");
        } catch (IOException e) {
            throw new UpstreamUnavailable(502, "Cannot spool the download from the public registry: "
                    + e.getMessage());
        }
        boolean keep = false;
        try {
            HttpResponse<Download> response = send(request(url, "*/*"),
                    LimitedBody.file(url, maxBytes, file, List.of(algorithms)), url);
            if (missing(response.statusCode())) {
                return Optional.empty();
            }
            requireOk(response.statusCode(), url);
            keep = true;
            return Optional.of(response.body());
        } finally {
            if (!keep) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file; the upload directory is cleaned at start
                }
            }
        }
    }

    private HttpRequest request(URI url, String accept) {
        return HttpRequest.newBuilder(url).timeout(timeout).header("Accept", accept)
                .header("User-Agent", "gatepass").GET().build();
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body, URI url) {
        // asynchronous on the client's own threads; this worker only waits, and at most the timeout (+ slack)
        java.util.concurrent.CompletableFuture<HttpResponse<T>> exchange = client.get().sendAsync(request, body);
        try {
            return exchange.get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true); // the body stops streaming (and spooling) once the caller has given up
            throw slow(url);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new UpstreamUnavailable(504, "Interrupted while fetching " + url + ".");
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause();
            for (Throwable c = cause; c != null; c = c.getCause()) {
                if (c instanceof UpstreamUnavailable refused) { // a body over its limit
                    throw refused;
                }
            }
            if (cause instanceof HttpTimeoutException) {
                throw slow(url);
            }
            if (cause instanceof ConnectException) {
                throw new UpstreamUnavailable(502, "The public registry at " + url.getScheme() + "://"
                        + url.getAuthority() + " cannot be reached (connection refused).");
            }
            throw new UpstreamUnavailable(502, "The public registry at " + url.getScheme() + "://"
                    + url.getAuthority() + " failed: " + (cause == null ? e : cause).getClass().getSimpleName()
                    + (cause != null && cause.getMessage() != null ? " " + cause.getMessage() : ""));
        }
    }

    private UpstreamUnavailable slow(URI url) {
        return new UpstreamUnavailable(504, "The public registry at " + url.getScheme() + "://" + url.getAuthority()
                + " did not answer within " + readable(timeout) + " (serve --upstream-timeout).");
    }

    /** {@code 30 s}, {@code 1.5 s} or {@code 250 ms}. */
    static String readable(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        return (millis % 1000 == 0 ? String.valueOf(millis / 1000)
                : java.math.BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString()) + " s";
    }

    private static boolean missing(int status) {
        return status == 404 || status == 410;
    }

    private static void requireOk(int status, URI url) {
        if (status != 200) {
            throw new UpstreamUnavailable(502, "The public registry answered " + status + " for " + url + ".");
        }
    }

    /** The client, built once by whichever fetch comes first. */
    private static final class LazyClient implements java.util.function.Supplier<HttpClient> {
        private final Duration connectTimeout;
        private volatile HttpClient client;

        LazyClient(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
        }

        @Override
        public HttpClient get() {
            HttpClient built = client;
            if (built == null) {
                synchronized (this) {
                    built = client;
                    if (built == null) {
                        built = HttpClient.newBuilder().connectTimeout(connectTimeout)
                                .followRedirects(HttpClient.Redirect.NORMAL).build();
                        client = built;
                    }
                }
            }
            return built;
        }
    }
}
