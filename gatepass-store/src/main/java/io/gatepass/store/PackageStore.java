package io.gatepass.store;

import io.gatepass.core.codeartifact.HostedPackage;
import io.gatepass.core.codeartifact.PackageAsset;
import io.gatepass.core.codeartifact.PackageKey;
import io.gatepass.core.codeartifact.PackageOriginRestrictions;
import io.gatepass.core.codeartifact.PackageVersion;
import io.gatepass.core.codeartifact.PackageVersionOrigin;
import io.gatepass.core.codeartifact.PackageVersionStatus;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Packages, their versions, the versions' assets and npm's dist-tags, per repository. Only metadata lives here; the
 * bytes are in a {@link BlobStore}, written (and fsynced) before the metadata that names them is committed, so a
 * version is visible only once its bytes are safe. Every method is one transaction.
 *
 * <p>A package's rows go with its repository ({@link RepositoryStore#delete}). Blobs are not reference-counted here:
 * several assets may share one (content addressing).
 */
public interface PackageStore {

    /**
     * What {@link #publish} writes in one transaction.
     *
     * @param pkg      the package; created if it does not exist yet (its display name and creation time are kept
     *                 from the first publication)
     * @param version  the new version; its key must be {@code pkg.key()}
     * @param assets   its assets (names unique), possibly none
     * @param distTags npm dist-tags to set at the same time (tag → version), possibly none; other formats pass none
     * @param origin   where the version entered the domain; null: published to this repository. A package created
     *                 by the publication gets its origin controls from it ({@link PackageOriginRestrictions})
     */
    record VersionPublication(HostedPackage pkg, PackageVersion version, List<PackageAsset> assets,
                              Map<String, String> distTags, PackageVersionOrigin origin) {
        public VersionPublication {
            Objects.requireNonNull(pkg, "pkg");
            Objects.requireNonNull(version, "version");
            assets = assets == null ? List.of() : List.copyOf(assets);
            distTags = distTags == null ? Map.of() : Map.copyOf(distTags);
            if (!version.key().equals(pkg.key())) {
                throw new IllegalArgumentException("the version belongs to another package");
            }
            if (origin == null) {
                origin = PackageVersionOrigin.published(pkg.key().repository());
            }
        }

        /** A version published directly to the package's repository. */
        public VersionPublication(HostedPackage pkg, PackageVersion version, List<PackageAsset> assets,
                                  Map<String, String> distTags) {
            this(pkg, version, assets, distTags, null);
        }

        /** Whether the version is a copy kept from an upstream repository or an external connection. */
        public boolean retained() {
            return origin.isExternal() || !origin.repository().equals(pkg.key().repository());
        }
    }

    /**
     * Publishes a version with all its assets (and dist-tags) atomically: afterwards all of it is visible, or, if
     * this throws, none of it.
     *
     * @throws DuplicateEntityException if the package already has this version (in any status); nothing changes
     * @throws ReferenceViolationException if the repository does not exist
     */
    void publish(VersionPublication publication);

    /**
     * Adds an asset to a version, creating the package and the version (with {@code newVersion}'s status, revision,
     * time and metadata; Maven passes {@link PackageVersionStatus#UNFINISHED}) when they do not exist yet.
     *
     * @param replace whether an asset of the same name is replaced (true), or refused (false)
     * @return the version as stored afterwards
     * @throws DuplicateEntityException if an asset of that name exists and {@code replace} is false
     * @throws ReferenceViolationException if the repository does not exist
     */
    PackageVersion addAsset(HostedPackage pkg, PackageVersion newVersion, PackageAsset asset, boolean replace);

    /**
     * Compare-and-set of a version's status and metadata: applies only if the stored revision equals
     * {@code expectedRevision}.
     *
     * @return the updated version; empty if the version does not exist or its revision differs
     */
    Optional<PackageVersion> updateVersion(PackageKey key, String version, String expectedRevision,
                                           PackageVersionStatus newStatus, String newMetadata, String newRevision);

    /**
     * Deletes a version and its assets (and dist-tags pointing at it); the package row stays while it has versions
     * and is deleted with its last one.
     *
     * @return the deleted version; empty if there was none
     */
    Optional<PackageVersion> deleteVersion(PackageKey key, String version);

    /**
     * Disposes of a version (compare-and-set on its revision): removes its assets (and dist-tags pointing at it) and
     * sets its status to {@link PackageVersionStatus#DISPOSED}; the version row stays.
     *
     * @return the disposed version; empty if the version does not exist or its revision differs
     */
    Optional<PackageVersion> disposeVersion(PackageKey key, String version, String expectedRevision,
                                            String newRevision);

    /**
     * Deletes a package with all its versions, their assets and its dist-tags in one transaction.
     *
     * @return the deleted package; empty if there was none
     */
    Optional<HostedPackage> deletePackage(PackageKey key);

    Optional<HostedPackage> findPackage(PackageKey key);

    /**
     * Packages of a repository ordered by format, namespace, name (keyset paging).
     *
     * @param formatOrNull    only this format, or all
     * @param namespaceOrNull only this namespace ("" for none), or all
     * @param prefixOrNull    only names starting with this, or all
     * @param afterKey        a {@link #packagePageKey} from the previous page, or null for the first
     * @throws IllegalArgumentException if {@code afterKey} is not a key this store made
     */
    List<HostedPackage> listPackages(String domainOwner, String domainName, String repository, String formatOrNull,
                                     String namespaceOrNull, String prefixOrNull, String afterKey, int limit);

    /** The paging key of a package, for {@link #listPackages}. */
    static String packagePageKey(HostedPackage pkg) {
        return pkg.key().format() + "\n" + pkg.key().namespace() + "\n" + pkg.key().name();
    }

    Optional<PackageVersion> findVersion(PackageKey key, String version);

    /**
     * Versions of a package ordered by version text (keyset paging; exact byte order, not version semantics).
     *
     * @param afterVersion the last version of the previous page, or null for the first
     */
    List<PackageVersion> listVersions(PackageKey key, String afterVersion, int limit);

    /** Assets of a version ordered by name; empty if the version does not exist. */
    List<PackageAsset> listAssets(PackageKey key, String version);

    Optional<PackageAsset> findAsset(PackageKey key, String version, String assetName);

    /** npm dist-tags of a package: tag → version; empty if none. */
    Map<String, String> distTags(PackageKey key);

    /**
     * Sets a dist-tag.
     *
     * @throws ReferenceViolationException if the package or that version does not exist
     */
    void putDistTag(PackageKey key, String tag, String version);

    /** @return whether the tag existed */
    boolean deleteDistTag(PackageKey key, String tag);

    /** Total size in bytes of the assets of all versions in a domain (DescribeDomain's assetSizeBytes). */
    long assetSizeBytes(String domainOwner, String domainName);

    /** Whether any asset refers to this blob (for removing unreferenced blobs later). */
    boolean isBlobReferenced(String blobKey);

    /**
     * Records an upload of this blob in flight (see {@link BlobPins}) until {@code until}. {@link #publish} and
     * {@link #addAsset} unpin the blobs of the assets they commit, in the same transaction.
     */
    void pinBlob(String blobKey, Instant until);

    /** Ends an upload in flight that will not be published (e.g. refused as a duplicate). */
    void unpinBlob(String blobKey);

    /**
     * Removes a blob's bytes (by running {@code deleteBytes}) if no asset refers to it and no upload of it is in flight
     * (pinned until after {@code now}), all while holding the blob's pin row, so that no pin or publication of the same
     * bytes can come in between the check and the removal. The database's store runs {@code deleteBytes} in the same
     * transaction when it deletes database blobs (their statements join it), so the release needs no second
     * connection while it holds the row.
     *
     * @return whether the bytes were removed
     */
    boolean releaseBlob(String blobKey, Instant now, Runnable deleteBytes);

    /** Blobs a {@link #releaseBlob} should look at again: released while pinned, or whose pin has lapsed. */
    List<String> blobsToRecheck(Instant now, int limit);

    /**
     * The package's origin controls: as set, or as its first version left them; {@link
     * PackageOriginRestrictions#ALLOW_ALL} for packages from before they were kept. Empty if there is no package.
     */
    Optional<PackageOriginRestrictions> originRestrictions(PackageKey key);

    /**
     * Sets a package's origin controls (PutPackageOriginConfiguration), creating the package without versions if it
     * does not exist.
     *
     * @throws ReferenceViolationException if the repository does not exist
     */
    void putOriginRestrictions(HostedPackage pkg, PackageOriginRestrictions restrictions);

    /** Where a version entered the domain; empty if there is no such version. */
    Optional<PackageVersionOrigin> versionOrigin(PackageKey key, String version);

    /** The time of the package's newest change (for npm's {@code modified}); null if it has no version. */
    default Instant lastModified(PackageKey key) {
        return listVersions(key, null, Integer.MAX_VALUE).stream().map(PackageVersion::publishedTime)
                .max(Instant::compareTo).orElse(null);
    }
}
