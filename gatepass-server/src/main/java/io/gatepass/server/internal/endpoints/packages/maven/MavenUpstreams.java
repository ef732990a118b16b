package io.gatepass.server.internal.endpoints.packages.maven;

import io.gatepass.core.codeartifact.PackageKey;
import io.gatepass.core.codeartifact.PackageVersion;
import io.gatepass.server.internal.endpoints.packages.PackageException;
import io.gatepass.server.internal.endpoints.packages.RepositoryAccess;
import io.gatepass.server.internal.endpoints.packages.maven.MavenMetadataGenerator.StoredVersion;
import io.gatepass.server.internal.endpoints.packages.maven.MavenPath.ArtifactFile;
import io.gatepass.server.internal.endpoints.packages.upstream.Download;
import io.gatepass.server.internal.endpoints.packages.upstream.RepositoryUpstreams;
import io.gatepass.server.internal.endpoints.packages.upstream.UpstreamSource;
import io.gatepass.server.internal.endpoints.packages.upstream.UpstreamUnavailable;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Maven through upstream repositories and an external connection: artifact-level {@code maven-metadata.xml} lists the
 * versions of the whole search order, and a file found upstream is retained in the repository asked (from an
 * upstream repository: the version with all its files; from a public repository: the file, fetched once, checked
 * against the repository's {@code .sha1} when it has one, kept). Snapshots are taken from upstream repositories only
 * (public repositories serve releases).
 */
final class MavenUpstreams {
    private MavenUpstreams() {
    }

    /**
     * The artifact-level versions along the search order, each from the nearest repository that has it, as
     * CodeArtifact resolves a version (the repository asked, then its upstreams in order): a version this repository
     * (or a nearer upstream) holds in any status decides whether it is listed, so a version Unlisted here is not
     * offered again because an upstream or the public repository still lists it.
     *
     * @param stored the versions of a repository's package, by its key
     */
    static List<StoredVersion> versions(RepositoryUpstreams upstreams, List<UpstreamSource> sources,
                                        String groupId, String artifactId, List<StoredVersion> here,
                                        Function<PackageKey, List<StoredVersion>> stored) {
        Map<String, StoredVersion> nearest = new LinkedHashMap<>();
        here.forEach(v -> nearest.putIfAbsent(v.version(), v));
        boolean anywhere = here.stream().anyMatch(StoredVersion::listed);
        UpstreamUnavailable failure = null;
        for (UpstreamSource source : sources) {
            if (source instanceof UpstreamSource.Repository repository) {
                List<StoredVersion> there = stored.apply(upstreams.key(repository.name(), groupId, artifactId));
                anywhere |= there.stream().anyMatch(StoredVersion::listed);
                there.forEach(v -> nearest.putIfAbsent(v.version(), v));
            } else if (source instanceof UpstreamSource.External external) {
                try {
                    List<String> listed = publicVersions(upstreams, external, groupId, artifactId);
                    anywhere |= !listed.isEmpty();
                    listed.forEach(v -> nearest.putIfAbsent(v, new StoredVersion(v, true, Instant.EPOCH)));
                } catch (UpstreamUnavailable e) {
                    failure = e;
                }
            }
        }
        if (!anywhere && failure != null) {
            throw PackageException.text(failure.status(), failure.getMessage());
        }
        return new ArrayList<>(nearest.values());
    }

    /**
     * Retains {@code file}'s version (an upstream repository's) or the file itself (a public repository's) from the
     * first source that has it.
     *
     * @return whether the file is now in this repository
     */
    static boolean retain(RepositoryAccess access, RepositoryUpstreams upstreams, List<UpstreamSource> sources,
                          ArtifactFile file, Instant now) {
        UpstreamUnavailable failure = null;
        for (UpstreamSource source : sources) {
            if (source instanceof UpstreamSource.Repository repository) {
                PackageKey there = upstreams.key(repository.name(), file.groupId(), file.artifactId());
                if (access.packages().findAsset(there, file.version(), file.fileName()).isPresent()
                        && upstreams.retain(repository, file.groupId(), file.artifactId(), file.version(), m -> m)
                        .isPresent() && stored(access, file)) {
                    return true;
                }
            } else if (source instanceof UpstreamSource.External external && !file.isSnapshot()) {
                try {
                    Optional<PackageVersion> kept = upstreams.once(file.groupId(), file.artifactId(),
                            file.version() + "/" + file.fileName(), () -> fetch(access, upstreams, external, file,
                                    now));
                    if (kept.isPresent()) {
                        return true;
                    }
                } catch (UpstreamUnavailable e) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw PackageException.text(failure.status(), failure.getMessage());
        }
        return false;
    }

    private static boolean stored(RepositoryAccess access, ArtifactFile file) {
        return access.packages().findAsset(access.packageKey(file.groupId(), file.artifactId()), file.version(),
                file.fileName()).isPresent();
    }

    private static Optional<PackageVersion> fetch(RepositoryAccess access, RepositoryUpstreams upstreams,
                                                  UpstreamSource.External external, ArtifactFile file,
                                                  Instant now) {
        PackageKey here = access.packageKey(file.groupId(), file.artifactId());
        if (stored(access, file)) {
            return access.packages().findVersion(here, file.version()); // an earlier flight kept it
        }
        URI url = external.resolve(file.path());
        Optional<String> sha1 = upstreams.remote().fetch(URI.create(url + ".sha1"), "text/plain")
                .flatMap(body -> ChecksumText.parse(ChecksumAlgorithm.SHA1, body));
        Optional<Download> download = upstreams.remote().download(url, upstreams.spool(), upstreams.maxAssetBytes(),
                "SHA-1");
        if (download.isEmpty()) {
            return Optional.empty();
        }
        Path path = download.get().file();
        try {
            if (sha1.isPresent() && !sha1.get().equals(download.get().digest("SHA-1"))) {
                throw new UpstreamUnavailable(502, file.fileName() + " from the public repository does not match "
                        + "its SHA-1 " + sha1.get() + "; not kept.");
            }
            String metadata = new MavenVersionState(0, now).toJson();
            return Optional.of(upstreams.ingest(external, file.groupId(), file.artifactId(), file.artifactId(),
                    file.version(), now, metadata, file.fileName(), path));
        } finally {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // a spooled download
            }
        }
    }

    /** The releases a public repository's artifact-level maven-metadata.xml lists (fetched once per demand). */
    private static List<String> publicVersions(RepositoryUpstreams upstreams, UpstreamSource.External external,
                                               String groupId, String artifactId) {
        URI url = external.resolve(groupId.replace('.', '/') + "/" + artifactId + "/" + MavenPath.METADATA);
        Optional<byte[]> body = upstreams.document(url, "application/xml");
        if (body.isEmpty()) {
            return List.of();
        }
        try {
            return MavenMetadataXml.read(body.get()).versions().stream()
                    .filter(v -> !MavenVersion.isSnapshot(v)).toList();
        } catch (InvalidMetadataException e) {
            throw new UpstreamUnavailable(502, "The public repository's maven-metadata.xml for " + groupId + ":"
                    + artifactId + " cannot be read: " + e.getMessage());
        }
    }
}
