package io.gatepass.server.internal.endpoints.packages.pypi;

/**
 * Bounds on an upload body: the distribution file (AWS allows 5 GB per asset), each other field, all other fields
 * together, and the number of parts.
 */
public record UploadLimits(long maxFileBytes, int maxFieldBytes, long maxFieldsBytes, int maxParts) {
    public static final UploadLimits DEFAULT = new UploadLimits(5L * 1024 * 1024 * 1024, 4 * 1024 * 1024,
            16L * 1024 * 1024, 2_000);

    public UploadLimits withMaxFileBytes(long bytes) {
        return new UploadLimits(bytes, maxFieldBytes, maxFieldsBytes, maxParts);
    }
}
