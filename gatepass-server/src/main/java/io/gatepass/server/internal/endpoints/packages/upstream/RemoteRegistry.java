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
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches from public registries with the JDK's asynchronous HttpClient (its own selector thread; no event loop is
 * ever involved): the calling worker waits at most the request timeout, so a slow or dead registry costs a bounded
 * wait and then a clear 504 or 502, never a hung request. Bodies are bounded (metadata in memory, assets on disk).
 */
public final class RemoteRegistry {
    /** The largest metadata document (packument, simple page, maven-metadata) read into memory. */
    public static final long MAX_METADATA_BYTES = 64L * 1024 * 1024;

    private final HttpClient client;
    private final Duration timeout;

    public RemoteRegistry(Duration connectTimeout, Duration timeout) {
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.timeout = timeout;
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
        HttpResponse<byte[]> response = send(request(url, accept), HttpResponse.BodyHandlers.ofByteArray(), url);
        if (missing(response.statusCode())) {
            return Optional.empty();
        }
        requireOk(response.statusCode(), url);
        if (response.body().length > MAX_METADATA_BYTES) {
            throw new UpstreamUnavailable(502, "The public registry's document at " + url + " is larger than "
                    + MAX_METADATA_BYTES + " bytes.");
        }
        return Optional.of(response.body());
    }

    /**
     * An asset, to a new file in {@code directory} (the caller deletes it).
     *
     * @return empty when the registry has nothing there (404, 410)
     * @throws UpstreamUnavailable when it cannot be reached, fails, is too slow or is larger than {@code maxBytes}
     */
    public Optional<Path> download(URI url, Path directory, long maxBytes) {
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
            HttpResponse<Path> response = send(request(url, "*/*"), HttpResponse.BodyHandlers.ofFile(file), url);
            if (missing(response.statusCode())) {
                return Optional.empty();
            }
            requireOk(response.statusCode(), url);
            if (Files.size(file) > maxBytes) {
                throw new UpstreamUnavailable(502, "The asset at " + url + " is larger than the limit of " + maxBytes
                        + " bytes.");
            }
            keep = true;
            return Optional.of(file);
        } catch (IOException e) {
            throw new UpstreamUnavailable(502, "Cannot spool the download from " + url + ": " + e.getMessage());
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
        try {
            // asynchronous on the client's own threads; this worker only waits, and at most the timeout (+ slack)
            return client.sendAsync(request, body).get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw slow(url);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamUnavailable(504, "Interrupted while fetching " + url + ".");
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause();
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
}
