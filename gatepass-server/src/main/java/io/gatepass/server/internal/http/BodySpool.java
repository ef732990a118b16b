package io.gatepass.server.internal.http;

import io.vertx.core.Vertx;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpServerRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Streams a request's body into a new file, never into memory: with back-pressure (the request pauses while the file
 * catches up), up to a limit, optionally hashing it with SHA-256 on the way. The file is the caller's once
 * {@link Outcome#spooled} is called; in every other case it is deleted here, also when the client goes away
 * mid-upload (no outcome then: there is no one to answer).
 */
final class BodySpool {
    private static final Logger LOG = LoggerFactory.getLogger(BodySpool.class);

    /** What became of the body. Called on the request's event loop, at most once. */
    interface Outcome {
        /** The whole body is in {@code file}; {@code sha256} is its hex SHA-256, or null if not asked for. */
        void spooled(Path file, long size, String sha256);

        /** The body passed {@code maxBytes}; nothing of it is kept and the rest is not read. */
        void tooLarge();

        /** The file could not be created or written. */
        void failed(Throwable cause);
    }

    private BodySpool() {
    }

    static void toFile(Vertx vertx, HttpServerRequest request, Path directory, String prefix, long maxBytes,
                       boolean digest, Outcome outcome) {
        Path file;
        try {
            Files.createDirectories(directory);
            file = Files.createTempFile(directory, prefix, ".part");
        } catch (IOException e) {
            outcome.failed(e);
            return;
        }
        vertx.fileSystem().open(file.toString(), new OpenOptions().setWrite(true).setTruncateExisting(true))
                .onComplete(opened -> {
                    if (opened.failed()) {
                        delete(file);
                        outcome.failed(opened.cause());
                        return;
                    }
                    receive(request, opened.result(), file, maxBytes, digest ? sha256() : null, outcome);
                });
    }

    private static void receive(HttpServerRequest request, AsyncFile out, Path file, long maxBytes,
                                MessageDigest sha256, Outcome outcome) {
        long[] size = {0};
        boolean[] stopped = {false};
        request.handler(chunk -> {
            if (stopped[0]) {
                return;
            }
            size[0] += chunk.length();
            if (size[0] > maxBytes) {
                stopped[0] = true;
                out.close().onComplete(c -> delete(file));
                outcome.tooLarge();
                return;
            }
            if (sha256 != null) {
                sha256.update(chunk.getBytes());
            }
            out.write(chunk);
            if (out.writeQueueFull()) {
                request.pause();
                out.drainHandler(v -> request.resume());
            }
        });
        request.exceptionHandler(e -> { // the client went away mid-upload: nothing of it is kept
            if (!stopped[0]) {
                stopped[0] = true;
                out.close().onComplete(c -> delete(file));
            }
        });
        request.endHandler(end -> {
            if (stopped[0]) {
                return;
            }
            stopped[0] = true;
            out.close().onComplete(closed -> {
                if (closed.failed()) {
                    delete(file);
                    outcome.failed(closed.cause());
                    return;
                }
                outcome.spooled(file, size[0], sha256 == null ? null : HexFormat.of().formatHex(sha256.digest()));
            });
        });
        request.resume();
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("cannot delete upload file {}: {}", file.getFileName(), e.toString());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
