package io.gatepass.server.internal.endpoints.packages.maven;

import java.util.Objects;
import java.util.Optional;

/**
 * A file in a Maven repository, as its path names it. CodeArtifact maps Maven coordinates onto packages: the groupId
 * is the package's namespace, the artifactId its name, the version its version, and the file name an asset's name.
 * {@link MavenPathParser} reads paths; {@link #path()} writes one back.
 */
public sealed interface MavenPath permits MavenPath.ArtifactFile, MavenPath.MetadataFile {
    /** The name of Maven's repository metadata files. */
    String METADATA = "maven-metadata.xml";

    String groupId();

    String artifactId();

    /** Set when the path names the checksum of the file rather than the file. */
    Optional<ChecksumAlgorithm> checksum();

    /** The path relative to the repository's root, as parsed: {@code org/example/lib/1.0/lib-1.0.jar.sha1}. */
    String path();

    /** The CodeArtifact package namespace: the groupId. */
    default String namespace() {
        return groupId();
    }

    /** The CodeArtifact package name: the artifactId. */
    default String packageName() {
        return artifactId();
    }

    /**
     * An artifact of a version: {@code <group path>/<artifactId>/<version>/} and then
     * {@code <artifactId>-<version>[-<classifier>].<extension>}; in a snapshot's directory also
     * {@code <artifactId>-<base>-<yyyyMMdd.HHmmss>-<build>[-<classifier>].<extension>}.
     *
     * @param version    the directory's version: {@code 1.0}, or {@code 1.0-SNAPSHOT} for every build of it
     * @param fileName   the artifact's file name without any checksum suffix: the CodeArtifact asset name
     * @param classifier {@code sources}, {@code javadoc}, ...; "" for none
     * @param extension  {@code jar}, {@code pom}, {@code tar.gz}, {@code jar.asc}, ...
     * @param build      the snapshot build the file belongs to; empty for releases and for non-timestamped snapshot
     *                   files ({@code lib-1.0-SNAPSHOT.jar})
     */
    record ArtifactFile(String groupId, String artifactId, String version, String fileName, String classifier,
                        String extension, Optional<SnapshotBuild> build, Optional<ChecksumAlgorithm> checksum)
            implements MavenPath {
        public ArtifactFile {
            Objects.requireNonNull(groupId, "groupId");
            Objects.requireNonNull(artifactId, "artifactId");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(classifier, "classifier");
            Objects.requireNonNull(extension, "extension");
            Objects.requireNonNull(build, "build");
            Objects.requireNonNull(checksum, "checksum");
        }

        /** The file name for an artifactId, a version (a snapshot build's, if any), a classifier and an extension. */
        public static String fileName(String artifactId, String version, Optional<SnapshotBuild> build,
                                      String classifier, String extension) {
            String fileVersion = build.map(b -> b.version(version)).orElse(version);
            return artifactId + "-" + fileVersion + (classifier.isEmpty() ? "" : "-" + classifier) + "." + extension;
        }

        /** Whether this is the version's POM (no classifier, extension {@code pom}). */
        public boolean isPom() {
            return classifier.isEmpty() && extension.equals("pom");
        }

        public boolean isSnapshot() {
            return MavenVersion.isSnapshot(version);
        }

        /** The same file without a checksum suffix. */
        public ArtifactFile withoutChecksum() {
            return new ArtifactFile(groupId, artifactId, version, fileName, classifier, extension, build,
                    Optional.empty());
        }

        @Override
        public String path() {
            return groupId.replace('.', '/') + "/" + artifactId + "/" + version + "/" + fileName
                    + checksum.map(c -> "." + c.suffix()).orElse("");
        }
    }

    /**
     * A {@code maven-metadata.xml} (or its checksum): at the artifact level ({@code <group path>/<artifactId>/}, the
     * list of versions) or, for a snapshot, at the version level ({@code <group path>/<artifactId>/<version>/}, the
     * version's builds).
     *
     * @param version the snapshot version for the version level; empty for the artifact level
     */
    record MetadataFile(String groupId, String artifactId, Optional<String> version,
                        Optional<ChecksumAlgorithm> checksum) implements MavenPath {
        public MetadataFile {
            Objects.requireNonNull(groupId, "groupId");
            Objects.requireNonNull(artifactId, "artifactId");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(checksum, "checksum");
        }

        public MetadataFile withoutChecksum() {
            return new MetadataFile(groupId, artifactId, version, Optional.empty());
        }

        @Override
        public String path() {
            return groupId.replace('.', '/') + "/" + artifactId + "/" + version.map(v -> v + "/").orElse("")
                    + METADATA + checksum.map(c -> "." + c.suffix()).orElse("");
        }
    }
}
