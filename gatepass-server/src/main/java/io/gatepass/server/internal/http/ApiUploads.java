package io.gatepass.server.internal.http;

import io.gatepass.server.internal.api.CommonErrors;
import io.gatepass.core.error.ServiceException;
import io.gatepass.server.internal.api.rest.BlobContent;
import io.gatepass.server.internal.protocol.WireRequest;
import io.gatepass.server.internal.protocol.WireResponse;
import io.gatepass.server.internal.protocol.rest.RestRoutes;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API requests whose body is a streaming blob payload (restJson routes with a blob {@code payload}, e.g.
 * CodeArtifact's PublishPackageVersion): when a signed {@code x-amz-content-sha256} declares the body's SHA-256 (as
 * the SDKs and the AWS CLI send it), the signature is checked with that hash first, so an upload with an unknown or
 * inactive key, an expired date or a malformed signature is refused before anything is written (a signature that
 * does not match is left to the full check, which can tell a forged signature from a header naming other bytes); then the body is spooled to a temporary file with back-pressure, hashed with SHA-256 on
 * the way, up to the asset limit rather than the API body limit, and the request runs through the
 * {@link ApiPipeline} like any other with the file as its payload (SigV4 is checked again there, with the hash of
 * the bytes actually received). The file is deleted once the pipeline is done with it, when the client goes away
 * mid-upload, and when the body is too large (413 in the protocol's shape; the connection is closed, since the rest of
 * the body is not read).
 */
public final class ApiUploads {
    private static final Logger LOG = LoggerFactory.getLogger(ApiUploads.class);
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern SIGNED_HEADERS = Pattern.compile("SignedHeaders=([^,\\s]+)");

    private final Vertx vertx;
    private final ApiPipeline pipeline;
    private final RestRoutes routes;
    private final Path directory;
    private final long maxBytes;

    /**
     * @param directory where bodies are spooled (created if missing); a crash's leftovers are removed by whoever
     *                  owns the directory at start (the package front door empties it)
     * @param maxBytes  the largest body accepted
     */
    public ApiUploads(Vertx vertx, ApiPipeline pipeline, RestRoutes routes, Path directory, long maxBytes) {
        this.vertx = vertx;
        this.pipeline = pipeline;
        this.routes = routes;
        this.directory = directory;
        this.maxBytes = maxBytes;
    }

    boolean handles(WireRequest head) {
        return !head.method().equals("GET") && !head.method().equals("HEAD")
                && routes.hasBlobPayload(head.method(), head.rawPath());
    }

    /**
     * @param respond writes a response (with the connection kept) — the front door's own writer
     */
    void handle(HttpServerRequest request, WireRequest head, BiConsumer<HttpServerRequest, WireResponse> respond) {
        request.pause();
        String declared = head.header("content-length");
        if (declared != null && length(declared) > maxBytes) {
            refuse(request, head, tooLarge(), respond);
            return;
        }
        String declaredHash = head.header("x-amz-content-sha256");
        if (declaredHash == null || !SHA256_HEX.matcher(declaredHash.strip()).matches() || !signsContentHash(head)) {
            spool(request, head, respond); // no signed hash to check the signature with yet: checked once read
            return;
        }
        WireRequest probe = head.withUpload(BlobContent.spooled(directory, 0, declaredHash.strip()));
        vertx.executeBlocking(() -> pipeline.authenticationFailure(probe), false).onComplete(checked -> {
            if (checked.failed()) {
                LOG.error("checking an upload's signature failed", checked.cause());
                refuse(request, head, CommonErrors.INTERNAL_FAILURE.exception("Internal failure"), respond);
            } else if (checked.result().isPresent()
                    && !checked.result().get().errorCode().equals(CommonErrors.SIGNATURE_DOES_NOT_MATCH)) {
                refuse(request, head, checked.result().get(), respond); // unknown key, expired, malformed, ...
            } else {
                // a signature that holds, or one that may hold for the hash of the bytes actually sent (then the
                // pipeline reports the header that does not match them, as for any body): read the body
                spool(request, head, respond);
            }
        });
    }

    /** Whether the Authorization header signs x-amz-content-sha256 (as the SDKs and the AWS CLI do). */
    private static boolean signsContentHash(WireRequest head) {
        String authorization = head.header("authorization");
        if (authorization == null) {
            return false;
        }
        Matcher signed = SIGNED_HEADERS.matcher(authorization);
        return signed.find() && java.util.Arrays.asList(signed.group(1).toLowerCase(java.util.Locale.ROOT)
                .split(";")).contains("x-amz-content-sha256");
    }

    private void spool(HttpServerRequest request, WireRequest head,
                       BiConsumer<HttpServerRequest, WireResponse> respond) {
        BodySpool.toFile(vertx, request, directory, "api-upload-", maxBytes, true, new BodySpool.Outcome() {
            @Override
            public void spooled(Path file, long size, String sha256) {
                WireRequest full = head.withUpload(BlobContent.spooled(file, size, sha256));
                vertx.executeBlocking(() -> {
                    try {
                        return pipeline.handle(full);
                    } finally {
                        BodySpool.delete(file);
                    }
                }, false).onComplete(done -> respond.accept(request, done.succeeded() ? done.result()
                        : pipeline.reject(full, CommonErrors.INTERNAL_FAILURE.exception("Internal failure"))));
            }

            @Override
            public void tooLarge() {
                refuse(request, head, ApiUploads.this.tooLarge(), respond);
            }

            @Override
            public void failed(Throwable cause) {
                LOG.error("cannot spool an upload: {}", cause.toString());
                refuse(request, head, CommonErrors.INTERNAL_FAILURE.exception("Internal failure"), respond);
            }
        });
    }

    private ServiceException tooLarge() {
        return CommonErrors.REQUEST_ENTITY_TOO_LARGE.exception(
                "Request body is larger than the limit of %d bytes", maxBytes);
    }

    /** Answers without reading the rest of the body, and closes the connection once the answer is out. */
    private void refuse(HttpServerRequest request, WireRequest head, ServiceException error,
                        BiConsumer<HttpServerRequest, WireResponse> respond) {
        request.response().putHeader("Connection", "close");
        request.response().endHandler(v -> request.connection().close());
        respond.accept(request, pipeline.reject(head, error));
    }

    private static long length(String declared) {
        try {
            return Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
