package io.gatepass.server.internal.endpoints.packages.maven;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The content of a {@code maven-metadata.xml} (model 1.1.0) at the two levels Gatepass serves.
 * {@link MavenMetadataXml} writes and reads it; {@link MavenMetadataGenerator} builds it from what is stored.
 */
public sealed interface MavenMetadata permits MavenMetadata.Versions, MavenMetadata.Snapshot {
    String groupId();

    String artifactId();

    Instant lastUpdated();

    /**
     * Artifact level ({@code <group path>/<artifactId>/maven-metadata.xml}): the versions, oldest first by Maven's
     * ordering; {@code latest} is the newest, {@code release} the newest that is not a snapshot.
     */
    record Versions(String groupId, String artifactId, List<String> versions, Instant lastUpdated)
            implements MavenMetadata {
        public Versions {
            Objects.requireNonNull(groupId, "groupId");
            Objects.requireNonNull(artifactId, "artifactId");
            versions = List.copyOf(versions);
            Objects.requireNonNull(lastUpdated, "lastUpdated");
        }

        public Optional<String> latest() {
            return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
        }

        public Optional<String> release() {
            for (int i = versions.size() - 1; i >= 0; i--) {
                if (!MavenVersion.isSnapshot(versions.get(i))) {
                    return Optional.of(versions.get(i));
                }
            }
            return Optional.empty();
        }
    }

    /**
     * Version level of a snapshot ({@code <group path>/<artifactId>/<x-SNAPSHOT>/maven-metadata.xml}): its newest
     * build and, for every classifier and extension, the newest build's file.
     *
     * @param build empty when only non-timestamped files ({@code lib-1.0-SNAPSHOT.jar}) exist
     * @param files ordered by extension, then classifier
     */
    record Snapshot(String groupId, String artifactId, String version, Optional<SnapshotBuild> build,
                    Instant lastUpdated, List<SnapshotFile> files) implements MavenMetadata {
        public Snapshot {
            Objects.requireNonNull(groupId, "groupId");
            Objects.requireNonNull(artifactId, "artifactId");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(build, "build");
            Objects.requireNonNull(lastUpdated, "lastUpdated");
            files = List.copyOf(files);
        }
    }

    /**
     * One {@code <snapshotVersion>}: the newest file of a classifier and extension.
     *
     * @param classifier "" for none
     * @param value      the version in its file name: {@code 1.0-20261206.101500-3} (or {@code 1.0-SNAPSHOT})
     * @param updated    when that build was deployed
     */
    record SnapshotFile(String classifier, String extension, String value, Instant updated) {
        public SnapshotFile {
            Objects.requireNonNull(classifier, "classifier");
            Objects.requireNonNull(extension, "extension");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(updated, "updated");
        }
    }
}
