package io.gatepass.server.internal.http;

import io.gatepass.server.internal.audit.AuditLog;
import io.gatepass.server.internal.audit.PackageAudit;
import io.gatepass.server.internal.endpoints.packages.PackageEndpoint;
import io.gatepass.server.internal.endpoints.packages.PackageFormat;
import io.gatepass.server.internal.endpoints.packages.PackageRequest;
import io.gatepass.server.internal.endpoints.packages.PackageResponse;
import io.gatepass.store.BlobStore;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The package endpoints' side of the front door: answers a read on the event loop when everything it needs is in
 * memory (see {@link PackageEndpoint#admitFromMemory}); otherwise admits the request on a worker (token, repository),
 * then streams an upload to a temporary file with a size limit and back-pressure, runs the format on a worker, and
 * streams a blob response chunk by chunk with its Content-Length. The body is never held whole in memory.
 */
public final class PackageFrontDoor {
    private static final Logger LOG = LoggerFactory.getLogger(PackageFrontDoor.class);
    /**
     * Threads that run the package formats, apart from the API's workers: a format may wait on a public registry
     * (at most {@code --upstream-timeout}), and however many requests wait so, the APIs and the other workers' work go
     * on.
     */
    public static final int FORMAT_WORKERS = 64;

    private final Vertx vertx;
    private final PackageEndpoint endpoint;
    private final BlobStore blobs;
    private final Path uploads;
    private final long maxAssetBytes;
    private final PackageAudit audit;
    private final io.vertx.core.WorkerExecutor formats;

    /**
     * @param uploads       where uploads are spooled (created if missing, emptied at start; files are deleted after
     *                      each response)
     * @param maxAssetBytes the largest body accepted (413 beyond)
     */
    public PackageFrontDoor(Vertx vertx, PackageEndpoint endpoint, BlobStore blobs, Path uploads,
                            long maxAssetBytes) {
        this(vertx, endpoint, blobs, uploads, maxAssetBytes, new PackageAudit(AuditLog.OFF, Clock.systemUTC(), ""));
    }

    /** @param audit records refused tokens, denials and writes */
    public PackageFrontDoor(Vertx vertx, PackageEndpoint endpoint, BlobStore blobs, Path uploads,
                            long maxAssetBytes, PackageAudit audit) {
        this.audit = audit;
        this.vertx = vertx;
        this.endpoint = endpoint;
        this.blobs = blobs;
        this.uploads = uploads;
        this.maxAssetBytes = maxAssetBytes;
        this.formats = vertx.createSharedWorkerExecutor("gatepass-package-formats", FORMAT_WORKERS);
        try {
            Files.createDirectories(uploads);
            try (var leftovers = Files.list(uploads)) { // uploads a crash interrupted: never part of any version
                for (Path leftover : leftovers.toList()) {
                    Files.deleteIfExists(leftover);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot create the upload directory " + uploads, e);
        }
    }

    public boolean handles(String rawPath) {
        return io.gatepass.server.internal.endpoints.packages.EndpointPath.isPackagePath(rawPath);
    }

    public void handle(HttpServerRequest request) {
        request.pause();
        String path = request.path();
        String method = request.method().name();
        String query = request.query() == null ? "" : request.query();
        Map<String, List<String>> headers = headers(request);
        String authorization = request.getHeader("authorization");
        if ((method.equals("GET") || method.equals("HEAD")) && !hasBody(request)) {
            // the hot path: token, repository and permission still cached and the answer rendered already, so
            // answer on the event loop; a request any of that misses for goes on to a worker below
            Optional<PackageEndpoint.Admitted> admitted = endpoint.admitFromMemory(path, authorization);
            if (admitted.isPresent()) {
                Optional<PackageResponse> answer = endpoint.answerFromMemory(admitted.get(), method, query, headers);
                if (answer.isPresent()) {
                    audit.answered(path, method, authorization, admitted.get().access().principalArn(),
                            source(request), answer.get().status());
                    finish(request, answer.get(), false);
                } else {
                    run(request, admitted.get(), method, query, headers, Optional.empty());
                }
                return;
            }
        }
        vertx.executeBlocking(() -> endpoint.admit(path, authorization), false).onComplete(done -> {
            if (done.failed() && done.cause() instanceof io.gatepass.store.StoreUnavailableException e) {
                LOG.warn("package request admission failed: {}", e.getMessage());
                finish(request, PackageEndpoint.unavailable(endpoint.formatFor(path)), true);
                return;
            }
            if (done.failed()) {
                LOG.error("package request admission failed", io.gatepass.server.internal.ops.LoggedFailure.of(done.cause()));
                finish(request, endpoint.formatFor(path).error(500, "Internal failure."), true);
                return;
            }
            if (done.result() instanceof PackageEndpoint.Refused refused) {
                audit.refused(path, method, authorization, source(request), refused.response().status());
                if (hasBody(request)) {
                    finishDraining(request, refused.response());
                } else {
                    finish(request, refused.response(), false);
                }
                return;
            }
            PackageEndpoint.Admitted admitted = (PackageEndpoint.Admitted) done.result();
            if (!hasBody(request)) {
                run(request, admitted, method, query, headers, Optional.empty());
                return;
            }
            String declared = request.getHeader("content-length");
            if (declared != null && parse(declared) > admitted.format().maxBodyBytes(maxAssetBytes)) {
                finishDraining(request, PackageEndpoint.tooLarge(admitted.format(), maxAssetBytes));
                return;
            }
            spool(request, admitted, method, query, headers);
        });
    }

    private void spool(HttpServerRequest request, PackageEndpoint.Admitted admitted, String method, String query,
                       Map<String, List<String>> headers) {
        long limit = admitted.format().maxBodyBytes(maxAssetBytes);
        BodySpool.toFile(vertx, request, uploads, "upload-", limit, false, new BodySpool.Outcome() {
            @Override
            public void spooled(Path file, long size, String sha256) {
                run(request, admitted, method, query, headers, Optional.of(new PackageRequest.Upload(file, size)));
            }

            @Override
            public void tooLarge() {
                finishDraining(request, PackageEndpoint.tooLarge(admitted.format(), maxAssetBytes));
            }

            @Override
            public void failed(Throwable cause) {
                LOG.error("cannot spool an upload: {}", cause.toString());
                finish(request, admitted.format().error(500, "Internal failure."), true);
            }
        });
    }

    private void run(HttpServerRequest request, PackageEndpoint.Admitted admitted, String method, String query,
                     Map<String, List<String>> headers, Optional<PackageRequest.Upload> body) {
        formats.executeBlocking(() -> {
            try {
                return endpoint.handle(admitted, method, query, headers, body);
            } finally {
                body.ifPresent(upload -> BodySpool.delete(upload.file()));
            }
        }, false).onComplete(done -> {
            PackageResponse response = done.succeeded() ? done.result()
                    : admitted.format().error(500, "Internal failure.");
            audit.answered(request.path(), method, request.getHeader("authorization"),
                    admitted.access().principalArn(), source(request), response.status());
            if (response.blobKey() != null) {
                stream(request, admitted.format(), response);
            } else {
                finish(request, response, false);
            }
        });
    }

    /** Streams a blob: headers with its Content-Length, then chunks read on a worker as the client takes them. */
    private void stream(HttpServerRequest request, PackageFormat format, PackageResponse response) {
        if (request.method().name().equals("HEAD")) {
            HttpServerResponse out = start(request, response, response.blobLength());
            out.end();
            return;
        }
        vertx.executeBlocking(() -> blobs.open(response.blobKey()), false).onComplete(opened -> {
            if (opened.failed() || opened.result().isEmpty()) {
                LOG.error("blob {} of a package response cannot be read", response.blobKey(),
                        opened.failed() ? opened.cause() : null);
                finish(request, format.error(500, "Internal failure: the package's bytes are missing."), false);
                return;
            }
            InputStream in = opened.result().get();
            HttpServerResponse out = start(request, response, response.blobLength());
            out.closeHandler(v -> close(in));
            StreamedResponses.pump(vertx, out, in);
        });
    }

    private static HttpServerResponse start(HttpServerRequest request, PackageResponse response, long length) {
        HttpServerResponse out = request.response();
        out.setStatusCode(response.status());
        response.headers().forEach(out::putHeader);
        out.putHeader("Content-Length", Long.toString(length));
        return out;
    }

    /** Answers without the body, which is read and dropped so that the client sees the answer (RefusedBody). */
    private void finishDraining(HttpServerRequest request, PackageResponse response) {
        RefusedBody.drainThenClose(vertx, request);
        finish(request, response, false);
    }

    private static void finish(HttpServerRequest request, PackageResponse response, boolean closeConnection) {
        HttpServerResponse out = request.response();
        if (out.ended() || out.closed()) {
            return;
        }
        out.setStatusCode(response.status());
        response.headers().forEach(out::putHeader);
        if (closeConnection) {
            out.putHeader("Connection", "close");
            out.endHandler(v -> request.connection().close());
        }
        if (request.method().name().equals("HEAD")) {
            out.putHeader("Content-Length", Integer.toString(response.bytes().length));
            out.end();
        } else {
            out.end(Buffer.buffer(response.bytes()));
        }
        if (!closeConnection) {
            request.resume(); // let an unread, empty body drain
        }
    }

    private static String source(HttpServerRequest request) {
        return request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    }

    private static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader("content-length");
        if (length != null) {
            return parse(length) > 0;
        }
        return request.getHeader("transfer-encoding") != null;
    }

    private static long parse(String number) {
        try {
            return Long.parseLong(number.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static Map<String, List<String>> headers(HttpServerRequest request) {
        Map<String, List<String>> headers = new HashMap<>();
        request.headers().forEach(entry -> headers
                .computeIfAbsent(entry.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>(1))
                .add(entry.getValue()));
        return headers;
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

}
