package io.gatepass.server.internal.api.codeartifact;

import io.gatepass.core.codeartifact.Domain;
import io.gatepass.core.codeartifact.HostedPackage;
import io.gatepass.core.codeartifact.PackageAsset;
import io.gatepass.core.codeartifact.PackageChanges;
import io.gatepass.core.codeartifact.PackageKey;
import io.gatepass.core.codeartifact.PackageVersion;
import io.gatepass.core.codeartifact.PackageVersionStatus;
import io.gatepass.core.error.ServiceException;
import io.gatepass.server.internal.api.codeartifact.PackageWriteShapes.*;
import io.gatepass.server.internal.api.CallContext;
import io.gatepass.server.internal.api.OperationTable;
import io.gatepass.server.internal.api.ServiceDescriptor;
import io.gatepass.server.internal.endpoints.packages.pypi.ProjectNames;
import io.gatepass.server.internal.api.rest.RestRoute;
import io.gatepass.server.internal.api.rest.BlobContent;
import io.gatepass.store.BlobStore;
import io.gatepass.store.DuplicateEntityException;
import io.gatepass.store.PackageStore;
import io.gatepass.store.ReferenceViolationException;
import io.gatepass.store.Store;
import io.gatepass.store.internal.blob.BlobCollector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The package write APIs: UpdatePackageVersionsStatus, DeletePackageVersions, DisposePackageVersions, DeletePackage
 * and PublishPackageVersion (generic packages). Each is authorized as {@code codeartifact:<Operation>} on the package
 * ARN with the identity policies and the domain's and repository's permissions policies, as the package endpoints
 * authorize publishing. Changes are committed in the package store the npm, PyPI and Maven endpoints read, so they
 * see them at once. Blobs no assets refer to any more are removed.
 */
final class PackageWriteOperations {
    private static final Logger LOG = LoggerFactory.getLogger(PackageWriteOperations.class);
    private static final Pattern PACKAGE_PART = Pattern.compile("[^#/\\s]+");
    private static final Pattern REVISION = Pattern.compile("\\S+");
    private static final Pattern ASSET_NAME = Pattern.compile("\\P{C}+");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]+");
    private static final int MAX_VERSIONS = 100;
    private static final int ALL = 100_000;
    /** The model's PackageFormat enum. */
    private static final List<String> FORMATS = List.of("npm", "pypi", "maven", "nuget", "generic", "ruby", "swift",
            "cargo");
    private static final Set<PackageVersionStatus> TARGETS = Set.of(PackageVersionStatus.PUBLISHED,
            PackageVersionStatus.UNLISTED, PackageVersionStatus.ARCHIVED);

    private final CodeArtifactSupport support;
    private final Store store;
    private final BlobStore blobs;
    private final String region;
    private final PackageChanges changes;
    private final BlobCollector collector;

    private PackageWriteOperations(CodeArtifactSupport support, Store store, BlobStore blobs, String region,
                                   PackageChanges changes) {
        this.support = support;
        this.store = store;
        this.blobs = blobs;
        this.region = region;
        this.changes = changes;
        this.collector = new BlobCollector(store.packages(), blobs);
    }

    /** Adds the five operations and their routes (paths and query names as in the AWS model). */
    static void register(OperationTable table, CodeArtifactSupport support, Store store,
                         BlobStore blobs, String region, PackageChanges changes) {
        PackageWriteOperations ops = new PackageWriteOperations(support, store, blobs, region, changes);
        ServiceDescriptor c = CodeArtifactService.DESCRIPTOR;
        table.add(c, "UpdatePackageVersionsStatus", UpdatePackageVersionsStatusInput.class,
                        ops::updatePackageVersionsStatus)
                .add(c, "DeletePackageVersions", DeletePackageVersionsInput.class, ops::deletePackageVersions)
                .add(c, "DisposePackageVersions", DisposePackageVersionsInput.class, ops::disposePackageVersions)
                .add(c, "DeletePackage", DeletePackageInput.class, ops::deletePackage)
                .add(c, "PublishPackageVersion", PublishPackageVersionInput.class, ops::publishPackageVersion);
        table.route(c,
                pkg(RestRoute.of("POST", "/v1/package/versions/update_status", "UpdatePackageVersionsStatus")),
                pkg(RestRoute.of("POST", "/v1/package/versions/delete", "DeletePackageVersions")),
                pkg(RestRoute.of("POST", "/v1/package/versions/dispose", "DisposePackageVersions")),
                pkg(RestRoute.of("DELETE", "/v1/package", "DeletePackage")),
                pkg(RestRoute.of("POST", "/v1/package/version/publish", "PublishPackageVersion"))
                        .query("version", "packageVersion").query("asset", "assetName")
                        .query("unfinished", "unfinished").header("x-amz-content-sha256", "assetSHA256")
                        .payload("assetContent"));
    }

    private static RestRoute pkg(RestRoute route) {
        return route.query("domain", "domain").query("domain-owner", "domainOwner")
                .query("repository", "repository").query("format", "format").query("namespace", "namespace")
                .query("package", "packageName");
    }

    // ------------------------------------------------------------------------------------------- operations

    PackageVersionsOutput updatePackageVersionsStatus(UpdatePackageVersionsStatusInput input, CallContext context) {
        Target target = target(input.domain(), input.domainOwner(), input.repository(), input.format(),
                input.namespace(), input.packageName(), context);
        try {
            List<String> versions = versions(input.versions());
            Map<String, String> revisions = revisions(input.versionRevisions(), versions);
            PackageVersionStatus expected = status("expectedStatus", input.expectedStatus());
            PackageVersionStatus wanted = support.validation.required("targetStatus", status("targetStatus",
                    input.targetStatus()));
            if (!TARGETS.contains(wanted)) {
                throw CodeArtifactErrors.VALIDATION.exception("targetStatus must be Published, Unlisted or Archived, not"
                        + " %s; use DisposePackageVersions to dispose of versions.", wanted.wireName());
            }
            authorizedPackage(context, target);
            Outcome outcome = new Outcome();
            for (String version : versions) {
                Optional<PackageVersion> found = checked(target.key(), version, revisions, expected, outcome);
                if (found.isEmpty()) {
                    continue;
                }
                PackageVersion current = found.get();
                if (current.status() == PackageVersionStatus.DISPOSED || current.status() == PackageVersionStatus.DELETED) {
                    outcome.fail(version, "NOT_ALLOWED", "Version " + version + " is " + current.status().wireName()
                            + "; its status cannot be changed to " + wanted.wireName() + ".");
                } else if (current.status() == wanted) {
                    outcome.succeed(version, current);
                } else {
                    packages().updateVersion(target.key(), version, current.revision(), wanted, current.metadata(),
                                    revision())
                            .ifPresentOrElse(updated -> outcome.succeed(version, updated),
                                    () -> outcome.fail(version, "MISMATCHED_REVISION", "Version " + version
                                            + " changed while its status was being updated."));
                }
            }
            return outcome.output();
        } finally {
            changes.changed(target.key()); // cached renderings (npm packuments) see it at once
        }
    }

    PackageVersionsOutput deletePackageVersions(DeletePackageVersionsInput input, CallContext context) {
        Target target = target(input.domain(), input.domainOwner(), input.repository(), input.format(),
                input.namespace(), input.packageName(), context);
        try {
            List<String> versions = versions(input.versions());
            PackageVersionStatus expected = status("expectedStatus", input.expectedStatus());
            authorizedPackage(context, target);
            Outcome outcome = new Outcome();
            Set<String> released = new LinkedHashSet<>();
            for (String version : versions) {
                Optional<PackageVersion> found = checked(target.key(), version, Map.of(), expected, outcome);
                if (found.isEmpty()) {
                    continue;
                }
                List<PackageAsset> assets = packages().listAssets(target.key(), version);
                packages().deleteVersion(target.key(), version).ifPresentOrElse(deleted -> {
                    assets.forEach(asset -> released.add(asset.blobKey()));
                    outcome.succeed(version, deleted.revision(), PackageVersionStatus.DELETED);
                }, () -> outcome.fail(version, "NOT_FOUND", "Version " + version + " was deleted meanwhile."));
            }
            release(released, context);
            return outcome.output();
        } finally {
            changes.changed(target.key()); // cached renderings (npm packuments) see it at once
        }
    }

    PackageVersionsOutput disposePackageVersions(DisposePackageVersionsInput input, CallContext context) {
        Target target = target(input.domain(), input.domainOwner(), input.repository(), input.format(),
                input.namespace(), input.packageName(), context);
        try {
            List<String> versions = versions(input.versions());
            Map<String, String> revisions = revisions(input.versionRevisions(), versions);
            PackageVersionStatus expected = status("expectedStatus", input.expectedStatus());
            authorizedPackage(context, target);
            Outcome outcome = new Outcome();
            Set<String> released = new LinkedHashSet<>();
            for (String version : versions) {
                Optional<PackageVersion> found = checked(target.key(), version, revisions, expected, outcome);
                if (found.isEmpty()) {
                    continue;
                }
                PackageVersion current = found.get();
                if (current.status() == PackageVersionStatus.DISPOSED) {
                    outcome.fail(version, "SKIPPED", "Version " + version + " is already Disposed.");
                    continue;
                }
                List<PackageAsset> assets = packages().listAssets(target.key(), version);
                packages().disposeVersion(target.key(), version, current.revision(), revision())
                        .ifPresentOrElse(disposed -> {
                            assets.forEach(asset -> released.add(asset.blobKey()));
                            outcome.succeed(version, disposed);
                        }, () -> outcome.fail(version, "MISMATCHED_REVISION", "Version " + version
                                + " changed while it was being disposed of."));
            }
            release(released, context);
            return outcome.output();
        } finally {
            changes.changed(target.key()); // cached renderings (npm packuments) see it at once
        }
    }

    DeletePackageOutput deletePackage(DeletePackageInput input, CallContext context) {
        Target target = target(input.domain(), input.domainOwner(), input.repository(), input.format(),
                input.namespace(), input.packageName(), context);
        try {
            authorizedPackage(context, target);
            Set<String> blobKeys = new LinkedHashSet<>();
            for (PackageVersion version : packages().listVersions(target.key(), null, ALL)) {
                packages().listAssets(target.key(), version.version()).forEach(a -> blobKeys.add(a.blobKey()));
            }
            HostedPackage deleted = packages().deletePackage(target.key()).orElseThrow(() -> packageMissing(target));
            release(blobKeys, context);
            return new DeletePackageOutput(new DeletedPackageSummary(target.key().format(),
                    target.key().namespaceOrNull(), deleted.displayName(),
                    new PackageOriginConfiguration(new PackageOriginRestrictions("ALLOW", "ALLOW"))));
        } finally {
            changes.changed(target.key()); // cached renderings (npm packuments) see it at once
        }
    }

    PublishPackageVersionOutput publishPackageVersion(PublishPackageVersionInput input, CallContext context) {
        Target target = target(input.domain(), input.domainOwner(), input.repository(), input.format(),
                input.namespace(), input.packageName(), context);
        try {
            if (!target.key().format().equals("generic")) {
                throw CodeArtifactErrors.VALIDATION.exception("PublishPackageVersion publishes generic packages only,"
                        + " not %s; use the %s client against the repository endpoint.", target.key().format(),
                        target.key().format());
            }
            String version = support.validation.requiredString("packageVersion", input.packageVersion(), 1, 255,
                    PACKAGE_PART);
            String assetName = support.validation.requiredString("assetName", input.assetName(), 1, 255, ASSET_NAME);
            String sha256 = support.validation.requiredString("assetSHA256", input.assetSha256(), 64, 64, SHA256);
            BlobContent content = support.validation.required("assetContent", input.assetContent());
            boolean unfinished = Boolean.TRUE.equals(input.unfinished());
            authorizedPackage(context, target);
            if (packages().originRestrictions(target.key()).map(r -> !r.publishAllowed()).orElse(false)) {
                throw CodeArtifactErrors.ACCESS_DENIED.exception("Publishing new versions of package %s to "
                        + "repository %s is blocked by its package origin controls (publish: BLOCK).",
                        target.key().name(), target.key().repository());
            }
            if (!content.sha256Hex().equals(sha256)) {
                throw CodeArtifactErrors.VALIDATION.exception("assetSHA256 %s does not match the SHA-256 of the asset"
                        + " content (%s).", sha256, content.sha256Hex());
            }
            PackageVersion existing = packages().findVersion(target.key(), version).orElse(null);
            if (existing != null && existing.status() != PackageVersionStatus.UNFINISHED) {
                throw CodeArtifactErrors.CONFLICT.exception("Version %s of package %s already exists (%s); only an"
                        + " Unfinished version takes more assets.", version, target.key().name(),
                        existing.status().wireName());
            }
            BlobStore.StoredBlob blob = put(content);
            PackageAsset asset = new PackageAsset(assetName, blob.size(), blob.md5(), blob.sha1(), blob.sha256(),
                    blob.sha512(), blob.key());
            HostedPackage pkg = new HostedPackage(target.key(), target.key().name(), context.now());
            PackageVersion stored;
            try {
                if (existing == null && !unfinished) {
                    stored = new PackageVersion(target.key(), version, PackageVersionStatus.PUBLISHED, revision(),
                            context.now(), null);
                    packages().publish(new PackageStore.VersionPublication(pkg, stored, List.of(asset), Map.of()));
                } else {
                    stored = packages().addAsset(pkg, new PackageVersion(target.key(), version,
                            PackageVersionStatus.UNFINISHED, revision(), context.now(), null), asset, false);
                    if (stored.status() != PackageVersionStatus.UNFINISHED) {
                        throw versionExists(target, version, stored);
                    }
                    if (!unfinished) {
                        PackageVersion before = stored;
                        stored = packages().updateVersion(target.key(), version, before.revision(),
                                PackageVersionStatus.PUBLISHED, before.metadata(), revision()).orElseThrow(() ->
                                CodeArtifactErrors.CONFLICT.exception("Version %s of package %s changed while it was"
                                        + " being published.", version, target.key().name()));
                    }
                }
            } catch (DuplicateEntityException e) {
                abandon(blob, context);
                throw existing == null && !unfinished
                        ? CodeArtifactErrors.CONFLICT.exception("Version %s of package %s already exists.", version,
                        target.key().name())
                        : CodeArtifactErrors.CONFLICT.exception("Version %s of package %s already has an asset named"
                        + " %s.", version, target.key().name(), assetName);
            } catch (ReferenceViolationException e) {
                abandon(blob, context);
                throw repositoryMissing(target);
            }
            Map<String, String> hashes = new LinkedHashMap<>();
            hashes.put("MD5", asset.md5());
            hashes.put("SHA-1", asset.sha1());
            hashes.put("SHA-256", asset.sha256());
            hashes.put("SHA-512", asset.sha512());
            return new PublishPackageVersionOutput(target.key().format(), target.key().namespaceOrNull(),
                    target.key().name(), version, stored.revision(), stored.status().wireName(),
                    new AssetSummary(assetName, asset.size(), hashes));
        } finally {
            changes.changed(target.key()); // cached renderings (npm packuments) see it at once
        }
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /**
     * The version if it exists and matches the caller's expectations; else its failure is recorded and empty.
     */
    private Optional<PackageVersion> checked(PackageKey key, String version, Map<String, String> revisions,
                                             PackageVersionStatus expected, Outcome outcome) {
        Optional<PackageVersion> found = packages().findVersion(key, version);
        if (found.isEmpty()) {
            outcome.fail(version, "NOT_FOUND", "Version " + version + " not found.");
            return Optional.empty();
        }
        PackageVersion current = found.get();
        String revision = revisions.get(version);
        if (revision != null && !revision.equals(current.revision())) {
            outcome.fail(version, "MISMATCHED_REVISION", "Version " + version + " has revision "
                    + current.revision() + ", not " + revision + ".");
            return Optional.empty();
        }
        if (expected != null && expected != current.status()) {
            outcome.fail(version, "MISMATCHED_STATUS", "Version " + version + " is " + current.status().wireName()
                    + ", not " + expected.wireName() + ".");
            return Optional.empty();
        }
        return found;
    }

    /** Removes the blobs no asset refers to any more (and no upload is about to: see {@link BlobCollector}). */
    private void release(Set<String> blobKeys, CallContext context) {
        collector.release(blobKeys, context.now());
    }

    /** Stores the asset's bytes, streamed from where the front door spooled them. */
    private BlobStore.StoredBlob put(BlobContent content) {
        try (InputStream in = content.open()) {
            return blobs.put(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the asset content", e);
        }
    }

    /** A blob put for a publication that failed: no longer in flight, and removed unless something refers to it. */
    private void abandon(BlobStore.StoredBlob blob, CallContext context) {
        try {
            packages().unpinBlob(blob.key());
        } catch (RuntimeException e) {
            LOG.warn("could not unpin blob {}; the sweep removes it once its pin lapses", blob.key(), e);
        }
        release(Set.of(blob.key()), context);
    }

    /** Authorizes the action on the package's ARN, then checks that the domain and repository exist. */
    private void authorizedPackage(CallContext context, Target target) {
        PackageKey key = target.key();
        support.authorizeInRepository(context, key.domainOwner(), key.domainName(), key.repository(),
                key.arn(region));
        if (store.domains().find(key.domainOwner(), key.domainName()).isEmpty()) {
            throw CodeArtifactErrors.NOT_FOUND.exception("Domain %s owned by %s not found.", key.domainName(),
                    key.domainOwner());
        }
        if (store.repositories().find(key.domainOwner(), key.domainName(), key.repository()).isEmpty()) {
            throw repositoryMissing(target);
        }
        if (!context.operation().name().equals("PublishPackageVersion") && packages().findPackage(key).isEmpty()) {
            throw packageMissing(target);
        }
    }

    private Target target(String domainValue, String ownerValue, String repositoryValue, String formatValue,
                          String namespaceValue, String packageValue, CallContext context) {
        String domain = support.domainName(domainValue);
        String owner = support.owner(ownerValue, context);
        String repository = support.repositoryName("repository", repositoryValue);
        String format = support.validation.required("format", formatValue);
        if (!FORMATS.contains(format)) {
            throw CodeArtifactErrors.VALIDATION.exception("Value '%s' at 'format' failed to satisfy constraint:"
                    + " Member must satisfy enum value set: %s", format, FORMATS);
        }
        String namespace = support.validation.optionalString("namespace", namespaceValue, 1, 255, PACKAGE_PART);
        String name = support.validation.requiredString("package", packageValue, 1, 255, PACKAGE_PART);
        if (namespace == null && (format.equals("maven") || format.equals("generic") || format.equals("swift"))) {
            throw CodeArtifactErrors.VALIDATION.exception("A %s package has a namespace; namespace is required.",
                    format);
        }
        if (namespace != null && format.equals("pypi")) {
            throw CodeArtifactErrors.VALIDATION.exception("Python packages have no namespace.");
        }
        String stored = format.equals("pypi") ? ProjectNames.normalize(name) : name;
        return new Target(new PackageKey(owner, domain, repository, format, namespace, stored));
    }

    private List<String> versions(List<String> values) {
        List<String> versions = support.validation.required("versions", values);
        if (versions.size() > MAX_VERSIONS) {
            throw CodeArtifactErrors.VALIDATION.exception("versions has %d members; at most %d are allowed.",
                    versions.size(), MAX_VERSIONS);
        }
        for (String version : versions) {
            support.validation.requiredString("versions", version, 1, 255, PACKAGE_PART);
        }
        return List.copyOf(new LinkedHashSet<>(versions));
    }

    private Map<String, String> revisions(Map<String, String> values, List<String> versions) {
        if (values == null) {
            return Map.of();
        }
        values.forEach((version, revision) -> {
            support.validation.requiredString("versionRevisions", version, 1, 255, PACKAGE_PART);
            support.validation.requiredString("versionRevisions", revision, 1, 50, REVISION);
            if (!versions.contains(version)) {
                throw CodeArtifactErrors.VALIDATION.exception("versionRevisions names version %s, which is not in"
                        + " versions.", version);
            }
        });
        return values;
    }

    private PackageVersionStatus status(String member, String value) {
        if (value == null) {
            return null;
        }
        try {
            return PackageVersionStatus.ofWireName(value);
        } catch (IllegalArgumentException e) {
            throw CodeArtifactErrors.VALIDATION.exception("Value '%s' at '%s' failed to satisfy constraint: Member"
                    + " must satisfy enum value set: [Published, Unfinished, Unlisted, Archived, Disposed, Deleted]",
                    value, member);
        }
    }

    private PackageStore packages() {
        return store.packages();
    }

    private String revision() {
        return support.ids.revision();
    }

    private static ServiceException repositoryMissing(Target target) {
        return CodeArtifactErrors.NOT_FOUND.exception("Repository %s not found in domain %s.",
                target.key().repository(), target.key().domainName());
    }

    private static ServiceException packageMissing(Target target) {
        PackageKey key = target.key();
        return CodeArtifactErrors.NOT_FOUND.exception("Package %s%s (%s) not found in repository %s.",
                key.namespace().isEmpty() ? "" : key.namespace() + "/", key.name(), key.format(), key.repository());
    }

    private static ServiceException versionExists(Target target, String version, PackageVersion stored) {
        return CodeArtifactErrors.CONFLICT.exception("Version %s of package %s already exists (%s).", version,
                target.key().name(), stored.status().wireName());
    }

    private record Target(PackageKey key) {
    }

    /** The successful and failed versions of a batch, in request order. */
    private static final class Outcome {
        private final Map<String, SuccessfulPackageVersionInfo> successful = new LinkedHashMap<>();
        private final Map<String, PackageVersionError> failed = new LinkedHashMap<>();

        void succeed(String version, PackageVersion now) {
            succeed(version, now.revision(), now.status());
        }

        void succeed(String version, String revision, PackageVersionStatus status) {
            successful.put(version, new SuccessfulPackageVersionInfo(revision, status.wireName()));
        }

        void fail(String version, String code, String message) {
            failed.put(version, new PackageVersionError(code, message));
        }

        PackageVersionsOutput output() {
            return new PackageVersionsOutput(successful, failed);
        }
    }
}
