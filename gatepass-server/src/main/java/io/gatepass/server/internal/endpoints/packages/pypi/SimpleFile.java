package io.gatepass.server.internal.endpoints.packages.pypi;

import java.time.Instant;
import java.util.Objects;

/**
 * One distribution file as a simple page lists it.
 *
 * @param requiresPython the file's Requires-Python specifier, or null when it declares none
 * @param yankedReason   null when not yanked (PEP 592); the reason (possibly empty) when yanked
 * @param coreMetadataSha256 SHA-256 of the file's METADATA when it is served beside the file (PEP 658/714), or null
 */
public record SimpleFile(String filename, String version, String sha256, long size, Instant uploadTime,
                         String requiresPython, String yankedReason, String coreMetadataSha256) {

    public SimpleFile {
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(uploadTime, "uploadTime");
    }

    public SimpleFile(String filename, String version, String sha256, long size, Instant uploadTime,
                      String requiresPython) {
        this(filename, version, sha256, size, uploadTime, requiresPython, null, null);
    }

    public boolean yanked() {
        return yankedReason != null;
    }

    public SimpleFile yanked(String reason) {
        return new SimpleFile(filename, version, sha256, size, uploadTime, requiresPython,
                reason == null ? "" : reason, coreMetadataSha256);
    }

    /** The file's URL relative to its project page {@code simple/<project>/}, without the hash fragment. */
    public String relativeUrl() {
        return PathSegments.encode(version) + "/" + PathSegments.encode(filename);
    }
}
