package io.gatepass.core.codeartifact;

import java.time.Instant;
import java.util.Objects;

/**
 * One version of a package.
 *
 * @param key           the package
 * @param version       the version string as published (npm "1.2.3", PyPI "1.0.post1", Maven "1.0-SNAPSHOT"); matched
 *                      exactly
 * @param status        the version's status
 * @param revision      changes with every change of status or metadata (made by the caller, compared exactly), as
 *                      CodeArtifact's {@code revision}
 * @param publishedTime when it was published (or its first asset arrived)
 * @param metadata      the format's own metadata for this version as JSON text (npm: the version manifest; PyPI:
 *                      core metadata fields such as {@code requires_python}; Maven: anything it needs), or null
 */
public record PackageVersion(PackageKey key, String version, PackageVersionStatus status, String revision,
                             Instant publishedTime, String metadata) {
    public PackageVersion {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(publishedTime, "publishedTime");
        if (version.isEmpty()) {
            throw new IllegalArgumentException("a version is not empty");
        }
    }

    public PackageVersion withStatus(PackageVersionStatus newStatus, String newRevision) {
        return new PackageVersion(key, version, newStatus, newRevision, publishedTime, metadata);
    }

    public PackageVersion withMetadata(String newMetadata, String newRevision) {
        return new PackageVersion(key, version, status, newRevision, publishedTime, newMetadata);
    }
}
