package io.gatepass.server.internal.endpoints.packages.pypi;

import io.gatepass.core.codeartifact.HostedPackage;
import io.gatepass.core.codeartifact.PackageAsset;
import io.gatepass.core.codeartifact.PackageKey;
import io.gatepass.core.codeartifact.PackageVersion;
import io.gatepass.core.codeartifact.PackageVersionStatus;
import io.gatepass.core.error.ServiceException;
import io.gatepass.core.id.IdGenerator;
import io.gatepass.server.internal.endpoints.packages.PackageException;
import io.gatepass.server.internal.endpoints.packages.PackageRequest;
import io.gatepass.server.internal.endpoints.packages.PackageResponse;
import io.gatepass.server.internal.endpoints.packages.RepositoryAccess;
import io.gatepass.store.BlobStore.StoredBlob;
import io.gatepass.store.DuplicateEntityException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * {@code twine upload}: parses the multipart body the front door spooled to disk, copying the distribution file to a
 * temporary file beside it while its digests are checked; then, once the caller may publish the project, stores the
 * bytes and adds the file to its version (creating the project and the version with the first file). A file that is
 * already there is refused with 400 ("File already exists", which {@code twine --skip-existing} recognises).
 */
final class PypiUploads {
    private static final int METADATA_ATTEMPTS = 5;

    private final Clock clock;
    private final IdGenerator ids;
    private final LegacyUploadParser parser;

    PypiUploads(Clock clock, IdGenerator ids, UploadLimits limits) {
        this.clock = clock;
        this.ids = ids;
        this.parser = new LegacyUploadParser(limits);
    }

    PackageResponse upload(PackageRequest request) {
        PackageRequest.Upload body = request.body().filter(b -> b.length() > 0)
                .orElseThrow(() -> PackageException.text(400, "Empty upload: twine sends a multipart/form-data "
                        + "body with the file in 'content'"));
        Path content = null;
        try {
            content = Files.createTempFile(body.file().toAbsolutePath().getParent(), "pypi-", ".dist");
            LegacyUpload upload = parse(body.file(), request.header("content-type"), content);
            return store(request.access(), upload, content);
        } catch (IOException e) {
            throw new UncheckedIOException("the upload could not be read", e);
        } finally {
            deleteQuietly(content);
        }
    }

    private LegacyUpload parse(Path body, String contentType, Path content) throws IOException {
        try (InputStream in = Files.newInputStream(body)) {
            return parser.parse(in, contentType, filename -> Files.newOutputStream(content));
        } catch (ServiceException e) {
            throw PackageException.text(e.httpStatus(), e.getMessage());
        }
    }

    private PackageResponse store(RepositoryAccess access, LegacyUpload upload, Path content) {
        String project = upload.metadata().normalizedName();
        String version = upload.metadata().normalizedVersion();
        String filename = upload.file().filename();
        access.requirePublish(null, project);
        PackageKey key = access.packageKey(null, project);
        Optional<PackageVersion> existing = access.packages().findVersion(key, version);
        if (existing.isPresent() && !existing.get().status().isDownloadable()) {
            throw PackageException.text(400, String.format("Version %s of '%s' is %s: files cannot be added to it",
                    version, project, existing.get().status().wireName()));
        }
        StoredBlob blob = access.blobs().put(content);
        if (!blob.sha256().equals(upload.digests().sha256()) || blob.size() != upload.size()) {
            throw new IllegalStateException("the stored file differs from the uploaded one");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        PackageAsset asset = new PackageAsset(filename, blob.size(), blob.md5(), blob.sha1(), blob.sha256(),
                blob.sha512(), blob.key());
        HostedPackage pkg = new HostedPackage(key, upload.metadata().name(), now);
        String coreMetadata = upload.file().filetype() == DistributionFilename.Filetype.BDIST_WHEEL
                ? WheelMetadata.extract(content).orElse(null) : null;
        PackageVersion first = new PackageVersion(key, version, PackageVersionStatus.PUBLISHED, revision(), now,
                VersionMetadata.first(upload, now, coreMetadata));
        PackageVersion stored;
        try {
            stored = access.packages().addAsset(pkg, first, asset, false);
        } catch (DuplicateEntityException e) {
            if (access.packages().findAsset(key, version, filename).isPresent()) {
                throw fileExists(filename, version, project);
            }
            // Another file of the same new version (or project) was being added at the same moment and created it
            // first; now that it exists, add this file to it.
            try {
                stored = access.packages().addAsset(pkg, first, asset, false);
            } catch (DuplicateEntityException again) {
                throw fileExists(filename, version, project);
            }
        }
        recordFile(access, key, stored, upload, now, coreMetadata);
        return PackageResponse.text(200, "OK\n");
    }

    /** Adds the file's own details to a version that existed before it (compare-and-set on the revision). */
    private void recordFile(RepositoryAccess access, PackageKey key, PackageVersion stored, LegacyUpload upload,
                            Instant now, String coreMetadata) {
        String filename = upload.file().filename();
        PackageVersion current = stored;
        for (int attempt = 0; attempt < METADATA_ATTEMPTS; attempt++) {
            if (VersionMetadata.hasFile(current.metadata(), filename)) {
                return;
            }
            Optional<PackageVersion> updated = access.packages().updateVersion(key, current.version(),
                    current.revision(), current.status(), VersionMetadata.withFile(current.metadata(), upload, now, coreMetadata),
                    revision());
            if (updated.isPresent()) {
                return;
            }
            Optional<PackageVersion> again = access.packages().findVersion(key, current.version());
            if (again.isEmpty()) {
                return;
            }
            current = again.get();
        }
        // The file is stored and listed; only its own Requires-Python and upload time fall back to the version's.
    }

    private static PackageException fileExists(String filename, String version, String project) {
        return PackageException.text(400, String.format("File already exists: '%s' is already part of version %s "
                + "of '%s'. A file cannot be replaced; upload a new version.", filename, version, project));
    }

    private String revision() {
        return ids.revision();
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // best effort: a temporary file the front door's own clean-up does not know about
            }
        }
    }
}
