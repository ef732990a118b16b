package io.gatepass.server.internal.endpoints.packages.maven;

/** A path under a Maven endpoint that names no Maven file; the message says why (for a 400 or a 404 body). */
public final class InvalidMavenPathException extends IllegalArgumentException {
    public InvalidMavenPathException(String message) {
        super(message);
    }
}
