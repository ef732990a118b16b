package io.gatepass.server.internal.endpoints.packages.maven;

import io.gatepass.core.codeartifact.HostedPackage;
import io.gatepass.core.codeartifact.PackageAsset;
import io.gatepass.core.codeartifact.PackageKey;
import io.gatepass.core.codeartifact.PackageVersion;
import io.gatepass.core.codeartifact.PackageVersionStatus;
import io.gatepass.server.internal.endpoints.packages.FormatContext;
import io.gatepass.server.internal.endpoints.packages.PackageException;
import io.gatepass.server.internal.endpoints.packages.PackageFormat;
import io.gatepass.server.internal.endpoints.packages.PackageRequest;
import io.gatepass.server.internal.endpoints.packages.PackageResponse;
import io.gatepass.server.internal.endpoints.packages.RepositoryAccess;
import io.gatepass.server.internal.endpoints.packages.maven.MavenMetadataGenerator.StoredVersion;
import io.gatepass.server.internal.endpoints.packages.maven.MavenMetadataXml.Uploaded;
import io.gatepass.server.internal.endpoints.packages.maven.MavenPath.ArtifactFile;
import io.gatepass.server.internal.endpoints.packages.maven.MavenPath.MetadataFile;
import io.gatepass.server.internal.endpoints.packages.upstream.UpstreamSource;
import io.gatepass.store.BlobStore.StoredBlob;
import io.gatepass.store.DuplicateEntityException;
import io.gatepass.store.ReferenceViolationException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Maven repository layout at {@code /maven/<repository>/}: GET, HEAD and PUT of artifacts and POMs, their
 * md5/sha1/sha256/sha512 checksums, and {@code maven-metadata.xml} at the artifact and snapshot-version levels.
 *
 * <p>Publishing, as {@code mvn deploy} and Gradle do it: each file is PUT (the version is created Unfinished with
 * the first one), then its checksums (verified against the stored file, never stored: they are always computed),
 * then {@code maven-metadata.xml}. The metadata upload completes the version: a release listed in an artifact-level
 * upload, or the snapshot build named in a version-level upload, becomes Published once its POM is stored. Until then
 * nothing of it is offered: its files answer 404 and the metadata Gatepass serves (always regenerated from what is
 * stored, so its checksums match) leaves it out. A released file cannot be replaced with different bytes (409);
 * files of an Unfinished version and of snapshots can.
 */
public final class MavenFormat implements PackageFormat {
    private static final String XML = "application/xml";
    private static final String TEXT = "text/plain; charset=utf-8";
    private static final int UPDATE_ATTEMPTS = 5;

    private final FormatContext context;

    public MavenFormat(FormatContext context) {
        this.context = context;
    }

    @Override
    public String format() {
        return "maven";
    }

    /** Plain text: Maven shows only the status, people reading a response with curl see why. */
    @Override
    public PackageResponse error(int status, String message) {
        return PackageResponse.text(status, message + "\n");
    }

    @Override
    public PackageResponse handle(PackageRequest request) {
        String method = request.method();
        if (!method.equals("GET") && !method.equals("HEAD") && !method.equals("PUT")) {
            throw new PackageException(error(405, "A Maven repository answers GET, HEAD and PUT, not " + method + ".")
                    .withHeader("Allow", "GET, HEAD, PUT"), "method not allowed");
        }
        RepositoryAccess access = request.access();
        MavenPath path;
        try {
            path = MavenPathParser.parse(segments(request));
        } catch (InvalidMavenPathException e) {
            access.requireRead();
            throw PackageException.of(this, request.isRead() ? 404 : 400, "Not a Maven repository path: "
                    + e.getMessage() + ".");
        }
        if (request.isRead()) {
            access.requireRead();
            return path instanceof ArtifactFile file ? getArtifact(access, file) : getMetadata(access,
                    (MetadataFile) path);
        }
        access.requirePublish(path.namespace(), path.packageName());
        if (path instanceof ArtifactFile file) {
            return file.checksum().isPresent() ? putChecksum(request, access, file)
                    : putArtifact(request, access, file);
        }
        MetadataFile metadata = (MetadataFile) path;
        return metadata.checksum().isPresent() ? putMetadataChecksum(request, metadata)
                : putMetadata(request, access, metadata);
    }

    private static List<String> segments(PackageRequest request) {
        try {
            return request.segments();
        } catch (IllegalArgumentException e) {
            throw new InvalidMavenPathException("the path has a malformed %-escape");
        }
    }

    // ------------------------------------------------------------------------------------------------ reads

    private PackageResponse getArtifact(RepositoryAccess access, ArtifactFile file) {
        PackageKey key = access.packageKey(file.groupId(), file.artifactId());
        Optional<PackageVersion> local = access.packages().findVersion(key, file.version());
        boolean missing = local.isEmpty() || isOffered(local.get().status())
                && access.packages().findAsset(key, file.version(), file.fileName()).isEmpty();
        if (missing) {
            // not here: through the upstreams and the external connection, retained here when found
            List<UpstreamSource> sources = sources(access, file.groupId(), file.artifactId());
            if (!sources.isEmpty()) {
                MavenUpstreams.retain(access, access.upstreams().orElseThrow(), sources, file.withoutChecksum(),
                        now());
            }
        }
        PackageVersion version = access.packages().findVersion(key, file.version())
                .orElseThrow(() -> notFound(file.groupId() + ":" + file.artifactId() + ":" + file.version()
                        + " is not in repository " + access.repository() + "."));
        if (!isOffered(version.status())) {
            throw notFound(file.groupId() + ":" + file.artifactId() + ":" + file.version() + " is "
                    + version.status().wireName() + (version.status() == PackageVersionStatus.UNFINISHED
                    ? " (its maven-metadata.xml has not been uploaded yet)." : "."));
        }
        PackageAsset asset = access.packages().findAsset(key, file.version(), file.fileName())
                .orElseThrow(() -> notFound(file.fileName() + " is not a file of " + file.groupId() + ":"
                        + file.artifactId() + ":" + file.version() + "."));
        if (file.checksum().isPresent()) {
            return PackageResponse.text(200, file.checksum().get().of(asset));
        }
        return PackageResponse.blob(200, contentType(file.extension()), asset.blobKey(), asset.size())
                .withHeader("ETag", "\"" + asset.sha1() + "\"")
                .withHeader("X-Checksum-MD5", asset.md5())
                .withHeader("X-Checksum-SHA1", asset.sha1())
                .withHeader("X-Checksum-SHA256", asset.sha256());
    }

    private PackageResponse getMetadata(RepositoryAccess access, MetadataFile file) {
        byte[] xml = MavenMetadataXml.write(metadata(access, file).orElseThrow(() -> notFound(
                "No maven-metadata.xml: nothing of " + file.groupId() + ":" + file.artifactId()
                        + file.version().map(v -> ":" + v).orElse("") + " is published in repository "
                        + access.repository() + ".")));
        if (file.checksum().isPresent()) {
            return PackageResponse.text(200, file.checksum().get().of(xml));
        }
        return PackageResponse.bytes(200, XML, xml).withHeader("ETag", "\"" + ChecksumAlgorithm.SHA1.of(xml) + "\"");
    }

    /**
     * The metadata as stored now: regenerated on every request, from complete versions only; the artifact level lists
     * the versions of the repository's upstreams and external connection too, a snapshot's level is the nearest
     * repository's that has it.
     */
    private static Optional<? extends MavenMetadata> metadata(RepositoryAccess access, MetadataFile file) {
        PackageKey key = access.packageKey(file.groupId(), file.artifactId());
        List<UpstreamSource> sources = sources(access, file.groupId(), file.artifactId());
        if (file.version().isEmpty()) {
            List<StoredVersion> stored = storedVersions(access, key);
            if (!sources.isEmpty()) {
                stored = MavenUpstreams.versions(access.upstreams().orElseThrow(), sources, file.groupId(),
                        file.artifactId(), stored, k -> storedVersions(access, k));
            }
            return MavenMetadataGenerator.versions(file.groupId(), file.artifactId(), stored);
        }
        Optional<? extends MavenMetadata> here = snapshotMetadata(access, key, file);
        for (UpstreamSource source : sources) {
            if (here.isPresent()) {
                break;
            }
            if (source instanceof UpstreamSource.Repository repository) {
                here = snapshotMetadata(access, access.upstreams().orElseThrow().key(repository.name(),
                        file.groupId(), file.artifactId()), file);
            }
        }
        return here;
    }

    private static List<StoredVersion> storedVersions(RepositoryAccess access, PackageKey key) {
        List<StoredVersion> stored = new ArrayList<>();
        for (PackageVersion version : access.packages().listVersions(key, null, Integer.MAX_VALUE)) {
            MavenVersionState state = MavenVersionState.parse(version.metadata());
            stored.add(new StoredVersion(version.version(), version.status() == PackageVersionStatus.PUBLISHED,
                    state.updated() == null ? version.publishedTime() : state.updated()));
        }
        return stored;
    }

    /** Where to look after this repository (empty: nowhere, or the package's origin controls block upstreams). */
    private static List<UpstreamSource> sources(RepositoryAccess access, String groupId, String artifactId) {
        return access.upstreams().map(u -> u.searchOrder(groupId, artifactId)).orElse(List.of());
    }

    private static Optional<? extends MavenMetadata> snapshotMetadata(RepositoryAccess access, PackageKey key,
                                                                      MetadataFile file) {
        String versionName = file.version().get();
        Optional<PackageVersion> version = access.packages().findVersion(key, versionName);
        if (version.isEmpty() || !isOffered(version.get().status())) {
            return Optional.empty();
        }
        MavenVersionState state = MavenVersionState.parse(version.get().metadata());
        List<String> names = access.packages().listAssets(key, versionName).stream().map(PackageAsset::name).toList();
        return MavenMetadataGenerator.snapshot(file.groupId(), file.artifactId(), versionName, names,
                state.completedBuild(), state.updated() == null ? version.get().publishedTime() : state.updated());
    }

    /** Published and Unlisted versions are served; Unfinished ones are not complete, the rest are gone. */
    private static boolean isOffered(PackageVersionStatus status) {
        return status == PackageVersionStatus.PUBLISHED || status == PackageVersionStatus.UNLISTED;
    }

    // ------------------------------------------------------------------------------------------------ writes

    private PackageResponse putArtifact(PackageRequest request, RepositoryAccess access, ArtifactFile file) {
        PackageKey key = access.packageKey(file.groupId(), file.artifactId());
        StoredBlob blob = null;
        // Maven 3.9 uploads a version's files in parallel: when another upload created the version (or this file)
        // between the look and the write, look again.
        for (int attempt = 0; attempt < UPDATE_ATTEMPTS; attempt++) {
            Optional<PackageVersion> existing = access.packages().findVersion(key, file.version());
            if (existing.isPresent() && !existing.get().status().isDownloadable()) {
                throw PackageException.of(this, 409, coordinates(file) + " is "
                        + existing.get().status().wireName() + "; no files can be added to it.");
            }
            blob = blob == null ? store(request, access) : blob;
            Optional<PackageAsset> previous = access.packages().findAsset(key, file.version(), file.fileName());
            if (previous.isPresent() && previous.get().sha256().equals(blob.sha256())) {
                return PackageResponse.empty(200); // the same bytes again: a retry
            }
            boolean released = existing.isPresent() && !file.isSnapshot()
                    && existing.get().status() != PackageVersionStatus.UNFINISHED;
            if (previous.isPresent() && released) {
                throw PackageException.of(this, 409, file.fileName() + " of " + coordinates(file)
                        + " is already published with other content; a released Maven version cannot change"
                        + " (publish a new version).");
            }
            Instant now = now();
            PackageAsset asset = new PackageAsset(file.fileName(), blob.size(), blob.md5(), blob.sha1(),
                    blob.sha256(), blob.sha512(), blob.key());
            try {
                access.packages().addAsset(new HostedPackage(key, file.artifactId(), now),
                        new PackageVersion(key, file.version(), PackageVersionStatus.UNFINISHED, revision(), now,
                                MavenVersionState.NEW.toJson()), asset, !released);
                return PackageResponse.empty(201);
            } catch (DuplicateEntityException e) {
                // another upload won a race; the next look sees what it wrote
            } catch (ReferenceViolationException e) {
                throw notFound("Repository " + access.repository() + " no longer exists.");
            }
        }
        throw PackageException.of(this, 409, file.fileName() + " of " + coordinates(file)
                + " is being uploaded by others at the same time; try again.");
    }

    private static String coordinates(ArtifactFile file) {
        return file.groupId() + ":" + file.artifactId() + ":" + file.version();
    }

    private PackageResponse putChecksum(PackageRequest request, RepositoryAccess access, ArtifactFile file) {
        ChecksumAlgorithm algorithm = file.checksum().orElseThrow();
        String uploaded = checksumBody(request, algorithm);
        PackageAsset asset = access.packages().findAsset(access.packageKey(file.groupId(), file.artifactId()),
                file.version(), file.fileName()).orElseThrow(() -> notFound("Upload " + file.fileName()
                + " before its checksum: it is not stored."));
        String actual = algorithm.of(asset);
        if (!actual.equals(uploaded)) {
            throw PackageException.of(this, 400, "The uploaded " + algorithm.suffix() + " checksum " + uploaded
                    + " does not match " + file.fileName() + ", whose " + algorithm.suffix() + " is " + actual + ".");
        }
        return PackageResponse.empty(201);
    }

    /**
     * Checksums of maven-metadata.xml describe the client's file, which Gatepass does not keep (it serves metadata it
     * generates, with checksums of that): they are checked for form and otherwise accepted.
     */
    private PackageResponse putMetadataChecksum(PackageRequest request, MetadataFile file) {
        checksumBody(request, file.checksum().orElseThrow());
        return PackageResponse.empty(201);
    }

    private PackageResponse putMetadata(PackageRequest request, RepositoryAccess access, MetadataFile file) {
        Uploaded uploaded;
        try {
            uploaded = MavenMetadataXml.read(read(request, MavenMetadataXml.MAX_UPLOAD_BYTES));
        } catch (InvalidMetadataException e) {
            throw PackageException.of(this, 400, e.getMessage() + ".");
        }
        if (uploaded.groupLevel()) {
            return PackageResponse.empty(201); // plugin prefixes of a group: accepted, not served
        }
        if (!uploaded.groupId().equals(file.groupId()) || !uploaded.artifactId().equals(file.artifactId())) {
            throw PackageException.of(this, 400, "maven-metadata.xml names " + uploaded.groupId() + ":"
                    + uploaded.artifactId() + " but was uploaded to " + file.groupId() + ":" + file.artifactId() + ".");
        }
        PackageKey key = access.packageKey(file.groupId(), file.artifactId());
        if (file.version().isPresent()) {
            String version = file.version().get();
            if (uploaded.version().isPresent() && !uploaded.version().get().equals(version)) {
                throw PackageException.of(this, 400, "maven-metadata.xml names version " + uploaded.version().get()
                        + " but was uploaded to " + version + ".");
            }
            PackageVersion stored = access.packages().findVersion(key, version).orElseThrow(() -> notFound(
                    "Upload the files of " + file.groupId() + ":" + file.artifactId() + ":" + version
                            + " before its maven-metadata.xml: none is stored."));
            complete(access, stored, uploaded.snapshot());
        } else {
            for (String version : uploaded.versions()) {
                Optional<PackageVersion> stored = access.packages().findVersion(key, version);
                if (stored.isPresent() && stored.get().status() == PackageVersionStatus.UNFINISHED) {
                    complete(access, stored.get(), Optional.empty());
                }
            }
        }
        return PackageResponse.empty(201);
    }

    /**
     * Completes a version: records the finished snapshot build (the one named, or else the newest with a POM) and
     * publishes an Unfinished version. Its POM must be stored.
     */
    private void complete(RepositoryAccess access, PackageVersion version, Optional<SnapshotBuild> named) {
        PackageVersion current = version;
        for (int attempt = 0; attempt < UPDATE_ATTEMPTS; attempt++) {
            int build = completedBuild(access, current, named);
            PackageVersionStatus status = current.status() == PackageVersionStatus.UNFINISHED
                    ? PackageVersionStatus.PUBLISHED : current.status();
            String state = MavenVersionState.parse(current.metadata()).completed(build, now()).toJson();
            if (access.packages().updateVersion(current.key(), current.version(), current.revision(), status, state,
                    revision()).isPresent()) {
                return;
            }
            current = access.packages().findVersion(current.key(), current.version()).orElseThrow(
                    () -> notFound(version.version() + " was deleted while it was being published."));
        }
        throw PackageException.of(this, 409, version.version() + " is being changed by other uploads; try again.");
    }

    /** The build to mark complete (0 for releases); refuses when the version's POM is not stored. */
    private int completedBuild(RepositoryAccess access, PackageVersion version, Optional<SnapshotBuild> named) {
        PackageKey key = version.key();
        String coordinates = key.namespace() + ":" + key.name() + ":" + version.version();
        List<ArtifactFile> poms = new ArrayList<>();
        for (PackageAsset asset : access.packages().listAssets(key, version.version())) {
            try {
                ArtifactFile file = MavenPathParser.artifact(key.namespace(), key.name(), version.version(),
                        asset.name(), Optional.empty());
                if (file.isPom()) {
                    poms.add(file);
                }
            } catch (InvalidMavenPathException e) {
                // not an artifact of this version's layout; it has no part in completing it
            }
        }
        if (named.isPresent()) {
            String pom = ArtifactFile.fileName(key.name(), version.version(), named, "", "pom");
            if (poms.stream().noneMatch(p -> p.fileName().equals(pom))) {
                throw PackageException.of(this, 400, "maven-metadata.xml names build " + named.get() + " of "
                        + coordinates + ", but its POM " + pom + " has not been uploaded.");
            }
            return named.get().buildNumber();
        }
        if (poms.isEmpty()) {
            throw PackageException.of(this, 400, "Cannot publish " + coordinates + ": its POM has not been uploaded.");
        }
        return poms.stream().flatMap(p -> p.build().stream()).mapToInt(SnapshotBuild::buildNumber).max().orElse(0);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private StoredBlob store(PackageRequest request, RepositoryAccess access) {
        if (request.body().isEmpty()) {
            try (InputStream empty = new ByteArrayInputStream(new byte[0])) {
                return access.blobs().put(empty);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return access.blobs().put(request.body().get().file());
    }

    private String checksumBody(PackageRequest request, ChecksumAlgorithm algorithm) {
        byte[] body = read(request, ChecksumText.MAX_BYTES);
        return ChecksumText.parse(algorithm, body).orElseThrow(() -> PackageException.of(this, 400,
                "The body is not a " + algorithm.suffix() + " checksum (" + algorithm.hexLength()
                        + " hex digits, optionally followed by the file name)."));
    }

    private byte[] read(PackageRequest request, int limit) {
        if (request.body().isEmpty()) {
            return new byte[0];
        }
        PackageRequest.Upload upload = request.body().get();
        if (upload.length() > limit) {
            throw PackageException.of(this, 413, "The upload is larger than " + limit + " bytes.");
        }
        try {
            return Files.readAllBytes(upload.file());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the spooled upload", e);
        }
    }

    private PackageException notFound(String message) {
        return PackageException.of(this, 404, message);
    }

    private Instant now() {
        return context.clock().instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private String revision() {
        return context.ids().revision();
    }

    private static String contentType(String extension) {
        return switch (extension) {
            case "pom", "xml" -> XML;
            case "jar", "war", "ear" -> "application/java-archive";
            case "module", "json" -> "application/json";
            case "asc", "jar.asc", "pom.asc" -> TEXT;
            case "zip" -> "application/zip";
            default -> "application/octet-stream";
        };
    }
}
