package io.gatepass.server.internal.endpoints.packages;

import java.util.Objects;

/**
 * A failure a package client should see: an HTTP status and the response to send, already in the format's dialect.
 * Thrown by formats and by {@link RepositoryAccess#requireRead()} / {@link RepositoryAccess#requirePublish}
 * (403). No stack trace is captured; the message (never a token) is what the body says.
 */
public final class PackageException extends RuntimeException {
    private final transient PackageResponse response;

    public PackageException(PackageResponse response, String message) {
        super(message, null, false, false);
        this.response = Objects.requireNonNull(response, "response");
    }

    /** An error rendered by the format's {@link PackageFormat#error}. */
    public static PackageException of(PackageFormat format, int status, String message) {
        return new PackageException(format.error(status, message), message);
    }

    /** npm-style JSON {@code {"error": message}}. */
    public static PackageException json(int status, String message) {
        return new PackageException(PackageResponse.json(status,
                "{\"error\":" + PackageFormat.Json.quote(message) + "}"), message);
    }

    /** A plain-text error. */
    public static PackageException text(int status, String message) {
        return new PackageException(PackageResponse.text(status, message + "\n"), message);
    }

    public int status() {
        return response.status();
    }

    public PackageResponse response() {
        return response;
    }
}
