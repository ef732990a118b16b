package io.gatepass.server.internal.endpoints.packages.maven;

import io.gatepass.server.internal.endpoints.packages.maven.MavenMetadata.Snapshot;
import io.gatepass.server.internal.endpoints.packages.maven.MavenMetadata.SnapshotFile;
import io.gatepass.server.internal.endpoints.packages.maven.MavenMetadata.Versions;
import io.gatepass.server.internal.endpoints.packages.maven.MavenPath.ArtifactFile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds {@code maven-metadata.xml} from what is stored, never from what a client uploaded: the file and its checksums
 * are always computed from the same content, and a version appears only once it is complete.
 */
public final class MavenMetadataGenerator {
    private MavenMetadataGenerator() {
    }

    /**
     * A stored version as the artifact level needs it.
     *
     * @param listed  whether package managers are offered it (CodeArtifact's Published status)
     * @param updated when it was completed (a snapshot: its newest complete build)
     */
    public record StoredVersion(String version, boolean listed, Instant updated) {
    }

    /**
     * The artifact-level metadata: every listed version in Maven's order.
     *
     * @return empty when no version is listed (the file does not exist)
     */
    public static Optional<Versions> versions(String groupId, String artifactId, Collection<StoredVersion> stored) {
        LinkedHashSet<String> listed = new LinkedHashSet<>();
        Instant lastUpdated = Instant.EPOCH;
        for (StoredVersion version : stored) {
            if (version.listed()) {
                listed.add(version.version());
                lastUpdated = version.updated().isAfter(lastUpdated) ? version.updated() : lastUpdated;
            }
        }
        if (listed.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Versions(groupId, artifactId, MavenVersion.sorted(listed), lastUpdated));
    }

    /**
     * The version-level metadata of a snapshot: the newest complete build, and for each classifier and extension the
     * file of the newest complete build that has one. Builds above {@code completedBuild} are still being uploaded
     * and are left out; files without a timestamp ({@code lib-1.0-SNAPSHOT.jar}) count only where no build has a file
     * of their classifier and extension.
     *
     * @param assetNames     the version's stored file names (others, such as checksums, are ignored)
     * @param completedBuild the newest build whose upload finished; 0 for none
     * @param updated        when the version last changed (for files without a timestamp)
     * @return empty when nothing complete is stored
     */
    public static Optional<Snapshot> snapshot(String groupId, String artifactId, String version,
                                              Collection<String> assetNames, int completedBuild, Instant updated) {
        Map<String, ArtifactFile> newest = new TreeMap<>();
        Map<String, ArtifactFile> plain = new TreeMap<>();
        Optional<SnapshotBuild> current = Optional.empty();
        for (String name : assetNames) {
            Optional<ArtifactFile> parsed = parse(groupId, artifactId, version, name);
            if (parsed.isEmpty()) {
                continue;
            }
            ArtifactFile file = parsed.get();
            String kind = file.extension() + "\n" + file.classifier();
            if (file.build().isEmpty()) {
                plain.put(kind, file);
                continue;
            }
            SnapshotBuild build = file.build().get();
            if (build.buildNumber() > completedBuild) {
                continue;
            }
            newest.merge(kind, file, (a, b) -> a.build().get().compareTo(b.build().get()) >= 0 ? a : b);
            if (current.isEmpty() || build.compareTo(current.get()) > 0) {
                current = Optional.of(build);
            }
        }
        plain.keySet().removeAll(newest.keySet());
        newest.putAll(plain);
        if (newest.isEmpty()) {
            return Optional.empty();
        }
        List<SnapshotFile> files = new ArrayList<>();
        for (ArtifactFile file : newest.values()) {
            files.add(new SnapshotFile(file.classifier(), file.extension(),
                    file.build().map(b -> b.version(version)).orElse(version),
                    file.build().map(SnapshotBuild::time).orElse(updated)));
        }
        files.sort(Comparator.comparing(SnapshotFile::extension).thenComparing(SnapshotFile::classifier));
        Instant lastUpdated = current.map(SnapshotBuild::time).orElse(updated);
        return Optional.of(new Snapshot(groupId, artifactId, version, current, lastUpdated, files));
    }

    private static Optional<ArtifactFile> parse(String groupId, String artifactId, String version, String name) {
        if (ChecksumAlgorithm.ofFileName(name).isPresent()) {
            return Optional.empty();
        }
        try {
            return Optional.of(MavenPathParser.artifact(groupId, artifactId, version, name, Optional.empty()));
        } catch (InvalidMavenPathException e) {
            return Optional.empty();
        }
    }
}
