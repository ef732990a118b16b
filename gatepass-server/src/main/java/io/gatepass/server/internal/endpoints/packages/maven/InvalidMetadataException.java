package io.gatepass.server.internal.endpoints.packages.maven;

/** An uploaded {@code maven-metadata.xml} that cannot be used; the message says why (for a 400 body). */
public final class InvalidMetadataException extends IllegalArgumentException {
    public InvalidMetadataException(String message) {
        super(message);
    }
}
