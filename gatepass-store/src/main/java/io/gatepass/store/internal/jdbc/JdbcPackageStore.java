package io.gatepass.store.internal.jdbc;

import io.gatepass.core.codeartifact.HostedPackage;
import io.gatepass.core.codeartifact.PackageAsset;
import io.gatepass.core.codeartifact.PackageKey;
import io.gatepass.core.codeartifact.PackageOriginRestrictions;
import io.gatepass.core.codeartifact.PackageVersion;
import io.gatepass.core.codeartifact.PackageVersionOrigin;
import io.gatepass.core.codeartifact.PackageVersionStatus;
import io.gatepass.store.DuplicateEntityException;
import io.gatepass.store.PackageStore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Packages in {@code codeartifact_packages}, versions in {@code codeartifact_package_versions}, assets in
 * {@code codeartifact_package_assets} and dist-tags in {@code codeartifact_package_dist_tags}; every method is one
 * transaction. Rows are keyed by repository, format, namespace ('' for none) and normalized name.
 */
final class JdbcPackageStore implements PackageStore {
    private static final String PACKAGE_KEY = "domain_owner = ? AND domain_name = ? AND repository_name = ?"
            + " AND package_format = ? AND package_namespace = ? AND package_name = ?";
    private static final String PACKAGE_COLUMNS = "domain_owner, domain_name, repository_name, package_format,"
            + " package_namespace, package_name";
    private static final String SELECT_PACKAGE = "SELECT " + PACKAGE_COLUMNS + ", display_name, created_at"
            + " FROM codeartifact_packages";
    private static final String SELECT_VERSION = "SELECT " + PACKAGE_COLUMNS + ", package_version, status, revision,"
            + " published_at, metadata FROM codeartifact_package_versions";
    private static final String SELECT_ASSET = "SELECT asset_name, size_bytes, md5, sha1, sha256, sha512, blob_key"
            + " FROM codeartifact_package_assets";
    private static final String INSERT_ASSET = "INSERT INTO codeartifact_package_assets (" + PACKAGE_COLUMNS
            + ", package_version, asset_name, size_bytes, md5, sha1, sha256, sha512, blob_key)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Jdbc jdbc;
    private final Dialect dialect;

    JdbcPackageStore(Jdbc jdbc, Dialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /** Another writer created the same package in the meantime; the whole transaction is tried again. */
    private static final class PackageRace extends RuntimeException {
        PackageRace() {
            super(null, null, false, false);
        }
    }

    private static final int RACE_ATTEMPTS = 3;
    /**
     * A pin on H2 tries again each time another writer inserted or removed the blob's pin row between its update and
     * its insert: releases create and remove that row on every dispose of the bytes, so a pin of bytes being disposed
     * of over and over can lose several times (8 at most in BlobCollectorTest's churn of 2 pinning and 2 releasing
     * threads; 3 attempts failed it every run). Every lost attempt is another writer's progress; the bound only
     * stops a loop that a bug could make endless.
     */
    private static final int PIN_ATTEMPTS = 100;

    /** Runs {@code work} again (in a new transaction) when it lost the race to create the package row. */
    private static <T> T retryingRaces(java.util.function.Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (PackageRace race) {
                if (attempt == RACE_ATTEMPTS) {
                    throw new io.gatepass.store.StoreException("Cannot create a package: concurrent writers kept "
                            + "racing it", race);
                }
            }
        }
    }

    @Override
    public void publish(VersionPublication publication) {
        retryingRaces(() -> publishOnce(publication));
    }

    private Void publishOnce(VersionPublication publication) {
        PackageVersion version = publication.version();
        PackageKey key = version.key();
        return jdbc.inTransaction("publish version " + version.version() + " of package " + key.name(), tx -> {
            ensurePackage(tx, publication.pkg(), publication.retained()
                    ? PackageOriginRestrictions.UPSTREAM_FIRST : PackageOriginRestrictions.PUBLISHED_FIRST);
            insertVersion(tx, version, publication.origin());
            for (PackageAsset asset : publication.assets()) {
                insertAsset(tx, key, version.version(), asset);
            }
            for (Map.Entry<String, String> tag : publication.distTags().entrySet()) {
                putDistTag(tx, key, tag.getKey(), tag.getValue());
            }
            unpin(tx, publication.assets().stream().map(PackageAsset::blobKey).toList());
            return null;
        });
    }

    @Override
    public PackageVersion addAsset(HostedPackage pkg, PackageVersion newVersion, PackageAsset asset,
                                   boolean replace) {
        return retryingRaces(() -> addAssetOnce(pkg, newVersion, asset, replace));
    }

    private PackageVersion addAssetOnce(HostedPackage pkg, PackageVersion newVersion, PackageAsset asset,
                                        boolean replace) {
        PackageKey key = pkg.key();
        return jdbc.inTransaction("add asset " + asset.name() + " to package " + key.name(), tx -> {
            ensurePackage(tx, pkg, PackageOriginRestrictions.PUBLISHED_FIRST);
            Optional<PackageVersion> current = tx.one(SELECT_VERSION + " WHERE " + PACKAGE_KEY
                    + " AND package_version = ? FOR UPDATE", JdbcPackageStore::mapVersion, versionParams(key,
                    newVersion.version()));
            if (current.isEmpty()) {
                insertVersion(tx, newVersion, PackageVersionOrigin.published(key.repository()));
            }
            if (replace) {
                tx.update("DELETE FROM codeartifact_package_assets WHERE " + PACKAGE_KEY
                        + " AND package_version = ? AND asset_name = ?", assetParams(key, newVersion.version(),
                        asset.name()));
            }
            insertAsset(tx, key, newVersion.version(), asset);
            unpin(tx, List.of(asset.blobKey()));
            return current.orElse(newVersion);
        });
    }

    @Override
    public Optional<PackageVersion> updateVersion(PackageKey key, String version, String expectedRevision,
                                                  PackageVersionStatus newStatus, String newMetadata,
                                                  String newRevision) {
        return jdbc.inTransaction("update version " + version + " of package " + key.name(), tx -> {
            int updated = tx.update("UPDATE codeartifact_package_versions SET status = ?, metadata = ?, revision = ?"
                            + " WHERE " + PACKAGE_KEY + " AND package_version = ? AND revision = ?",
                    newStatus.wireName(), newMetadata, newRevision, key.domainOwner(), key.domainName(),
                    key.repository(), key.format(), key.namespace(), key.name(), version, expectedRevision);
            if (updated == 0) {
                return Optional.<PackageVersion>empty();
            }
            return tx.one(SELECT_VERSION + " WHERE " + PACKAGE_KEY + " AND package_version = ?",
                    JdbcPackageStore::mapVersion, versionParams(key, version));
        });
    }

    @Override
    public Optional<PackageVersion> deleteVersion(PackageKey key, String version) {
        return jdbc.inTransaction("delete version " + version + " of package " + key.name(), tx -> {
            Optional<PackageVersion> current = tx.one(SELECT_VERSION + " WHERE " + PACKAGE_KEY
                    + " AND package_version = ? FOR UPDATE", JdbcPackageStore::mapVersion, versionParams(key,
                    version));
            if (current.isEmpty()) {
                return current;
            }
            // Dist-tags and assets go by cascade.
            tx.update("DELETE FROM codeartifact_package_versions WHERE " + PACKAGE_KEY + " AND package_version = ?",
                    versionParams(key, version));
            boolean more = tx.one("SELECT 1 FROM codeartifact_package_versions WHERE " + PACKAGE_KEY
                    + " LIMIT 1", row -> 1, packageParams(key)).isPresent();
            if (!more) {
                tx.update("DELETE FROM codeartifact_packages WHERE " + PACKAGE_KEY, packageParams(key));
            }
            return current;
        });
    }

    @Override
    public Optional<PackageVersion> disposeVersion(PackageKey key, String version, String expectedRevision,
                                                   String newRevision) {
        return jdbc.inTransaction("dispose version " + version + " of package " + key.name(), tx -> {
            int updated = tx.update("UPDATE codeartifact_package_versions SET status = ?, revision = ?"
                            + " WHERE " + PACKAGE_KEY + " AND package_version = ? AND revision = ?",
                    PackageVersionStatus.DISPOSED.wireName(), newRevision, key.domainOwner(), key.domainName(),
                    key.repository(), key.format(), key.namespace(), key.name(), version, expectedRevision);
            if (updated == 0) {
                return Optional.<PackageVersion>empty();
            }
            tx.update("DELETE FROM codeartifact_package_assets WHERE " + PACKAGE_KEY + " AND package_version = ?",
                    versionParams(key, version));
            tx.update("DELETE FROM codeartifact_package_dist_tags WHERE " + PACKAGE_KEY
                    + " AND package_version = ?", versionParams(key, version));
            return tx.one(SELECT_VERSION + " WHERE " + PACKAGE_KEY + " AND package_version = ?",
                    JdbcPackageStore::mapVersion, versionParams(key, version));
        });
    }

    @Override
    public Optional<HostedPackage> deletePackage(PackageKey key) {
        return jdbc.inTransaction("delete package " + key.name(), tx -> {
            Optional<HostedPackage> current = tx.one(SELECT_PACKAGE + " WHERE " + PACKAGE_KEY + " FOR UPDATE",
                    JdbcPackageStore::mapPackage, packageParams(key));
            if (current.isPresent()) {
                // Versions, their assets and dist-tags go by cascade.
                tx.update("DELETE FROM codeartifact_packages WHERE " + PACKAGE_KEY, packageParams(key));
            }
            return current;
        });
    }

    @Override
    public Optional<HostedPackage> findPackage(PackageKey key) {
        return jdbc.one("read package " + key.name(), SELECT_PACKAGE + " WHERE " + PACKAGE_KEY,
                JdbcPackageStore::mapPackage, packageParams(key));
    }

    @Override
    public List<HostedPackage> listPackages(String domainOwner, String domainName, String repository,
                                            String formatOrNull, String namespaceOrNull, String prefixOrNull,
                                            String afterKey, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        StringBuilder sql = new StringBuilder(SELECT_PACKAGE)
                .append(" WHERE domain_owner = ? AND domain_name = ? AND repository_name = ?");
        List<Object> params = new ArrayList<>(List.of(domainOwner, domainName, repository));
        if (formatOrNull != null) {
            sql.append(" AND package_format = ?");
            params.add(formatOrNull);
        }
        if (namespaceOrNull != null) {
            sql.append(" AND package_namespace = ?");
            params.add(namespaceOrNull);
        }
        if (prefixOrNull != null) {
            sql.append(" AND package_name LIKE ? ESCAPE '\\'");
            params.add(Names.escapeLike(prefixOrNull) + "%");
        }
        if (afterKey != null) {
            String[] parts = afterKey.split("\n", -1);
            if (parts.length != 3 || parts[0].isEmpty() || parts[2].isEmpty()) {
                throw new IllegalArgumentException("Not a package paging key");
            }
            sql.append(" AND (package_format, package_namespace, package_name) > (?, ?, ?)");
            params.addAll(List.of(parts));
        }
        sql.append(" ORDER BY package_format, package_namespace, package_name LIMIT ?");
        params.add(limit);
        return jdbc.list("list packages of repository " + repository, sql.toString(), JdbcPackageStore::mapPackage,
                params.toArray());
    }

    @Override
    public Optional<PackageVersion> findVersion(PackageKey key, String version) {
        return jdbc.one("read version " + version + " of package " + key.name(), SELECT_VERSION + " WHERE "
                + PACKAGE_KEY + " AND package_version = ?", JdbcPackageStore::mapVersion, versionParams(key, version));
    }

    @Override
    public List<PackageVersion> listVersions(PackageKey key, String afterVersion, int limit) {
        Names.Query query = Names.page(SELECT_VERSION + " WHERE " + PACKAGE_KEY, "package_version", afterVersion,
                limit, packageParams(key));
        return jdbc.list("list versions of package " + key.name(), query.sql(), JdbcPackageStore::mapVersion,
                query.params());
    }

    @Override
    public List<PackageAsset> listAssets(PackageKey key, String version) {
        return jdbc.list("list assets of version " + version + " of package " + key.name(), SELECT_ASSET + " WHERE "
                        + PACKAGE_KEY + " AND package_version = ? ORDER BY asset_name", JdbcPackageStore::mapAsset,
                versionParams(key, version));
    }

    @Override
    public Optional<PackageAsset> findAsset(PackageKey key, String version, String assetName) {
        return jdbc.one("read asset " + assetName + " of package " + key.name(), SELECT_ASSET + " WHERE "
                        + PACKAGE_KEY + " AND package_version = ? AND asset_name = ?", JdbcPackageStore::mapAsset,
                assetParams(key, version, assetName));
    }

    @Override
    public Map<String, String> distTags(PackageKey key) {
        Map<String, String> tags = new LinkedHashMap<>();
        jdbc.list("read dist-tags of package " + key.name(), "SELECT tag, package_version FROM"
                        + " codeartifact_package_dist_tags WHERE " + PACKAGE_KEY + " ORDER BY tag",
                row -> tags.put(row.getString("tag"), row.getString("package_version")), packageParams(key));
        return tags;
    }

    @Override
    public void putDistTag(PackageKey key, String tag, String version) {
        jdbc.inTransaction("set dist-tag " + tag + " of package " + key.name(), tx -> {
            putDistTag(tx, key, tag, version);
            return null;
        });
    }

    @Override
    public boolean deleteDistTag(PackageKey key, String tag) {
        return jdbc.update("delete dist-tag " + tag + " of package " + key.name(),
                "DELETE FROM codeartifact_package_dist_tags WHERE " + PACKAGE_KEY + " AND tag = ?",
                assetParams(key, null, tag)) > 0;
    }

    @Override
    public long assetSizeBytes(String domainOwner, String domainName) {
        return jdbc.one("sum the asset sizes of domain " + domainName, "SELECT COALESCE(SUM(size_bytes), 0) AS total"
                        + " FROM codeartifact_package_assets WHERE domain_owner = ? AND domain_name = ?",
                row -> row.getLong("total"), domainOwner, domainName).orElse(0L);
    }

    @Override
    public boolean isBlobReferenced(String blobKey) {
        return jdbc.one("look for assets of a blob", "SELECT 1 FROM codeartifact_package_assets WHERE blob_key = ?"
                + " LIMIT 1", row -> 1, blobKey).isPresent();
    }

    /**
     * PostgreSQL: one statement, which inserts the row or adds to it whatever other writers do meanwhile (it waits
     * while a release holds the row and inserts it anew if that release removed it). H2 has no such statement: update,
     * else insert, again while other writers win (see {@link #PIN_ATTEMPTS}).
     */
    @Override
    public void pinBlob(String blobKey, Instant until) {
        // If a release removed the row meanwhile, its bytes are gone and the blob store writes them again, since it
        // looks only after pinning.
        if (dialect == Dialect.POSTGRESQL) {
            jdbc.update("pin package bytes", "INSERT INTO package_blob_pins (blob_key, uploads, pinned_until)"
                    + " VALUES (?, 1, ?) ON CONFLICT (blob_key) DO UPDATE SET uploads = package_blob_pins.uploads + 1,"
                    + " pinned_until = EXCLUDED.pinned_until", blobKey, until);
            return;
        }
        DuplicateEntityException lastRace = null;
        for (int attempt = 1; attempt <= PIN_ATTEMPTS; attempt++) {
            // waits while a release holds the row; finds none if that release removed it
            if (jdbc.update("pin package bytes", "UPDATE package_blob_pins SET uploads = uploads + 1,"
                    + " pinned_until = ? WHERE blob_key = ?", until, blobKey) > 0) {
                return;
            }
            try {
                jdbc.update("pin package bytes", "INSERT INTO package_blob_pins (blob_key, uploads, pinned_until)"
                        + " VALUES (?, 1, ?)", blobKey, until);
                return;
            } catch (DuplicateEntityException raced) {
                lastRace = raced; // another pin or release created the row meanwhile: update it
            }
        }
        throw new io.gatepass.store.StoreException("Cannot pin package bytes: concurrent writers kept racing",
                lastRace);
    }

    @Override
    public void unpinBlob(String blobKey) {
        jdbc.update("unpin package bytes", UNPIN, blobKey);
    }

    @Override
    public boolean releaseBlob(String blobKey, Instant now, Runnable deleteBytes) {
        try { // the row to lock: nothing can lock a row that is not there
            jdbc.update("release package bytes", "INSERT INTO package_blob_pins (blob_key, uploads, pinned_until)"
                    + " VALUES (?, 0, ?)", blobKey, now);
        } catch (DuplicateEntityException exists) {
            // a pin or an earlier release left it
        }
        return jdbc.inTransaction("release package bytes", tx -> {
            Optional<Instant> pinnedUntil = tx.one("SELECT uploads, pinned_until FROM package_blob_pins"
                    + " WHERE blob_key = ? FOR UPDATE", row -> row.getInt("uploads") > 0
                    ? Jdbc.instant(row, "pinned_until") : Instant.MIN, blobKey);
            if (pinnedUntil.isEmpty()) {
                return false; // another release removed it just now
            }
            if (pinnedUntil.get().isAfter(now)) {
                return false; // an upload in flight: the sweep looks again
            }
            boolean referenced = tx.one("SELECT 1 FROM codeartifact_package_assets WHERE blob_key = ? LIMIT 1",
                    row -> 1, blobKey).isPresent();
            if (!referenced) {
                deleteBytes.run(); // database blobs: in this transaction (Jdbc joins it), not on a second connection
            }
            tx.update("DELETE FROM package_blob_pins WHERE blob_key = ?", blobKey);
            return !referenced;
        });
    }

    @Override
    public List<String> blobsToRecheck(Instant now, int limit) {
        return jdbc.list("list package bytes to look at again", "SELECT blob_key FROM package_blob_pins"
                + " WHERE uploads <= 0 OR pinned_until < ? ORDER BY blob_key LIMIT ?",
                row -> row.getString("blob_key"), now, limit);
    }

    private static final String UNPIN = "UPDATE package_blob_pins SET uploads = uploads - 1 WHERE blob_key = ?"
            + " AND uploads > 0";

    @Override
    public Optional<PackageOriginRestrictions> originRestrictions(PackageKey key) {
        return jdbc.one("read the origin controls of package " + key.name(), "SELECT origin_publish, origin_upstream"
                + " FROM codeartifact_packages WHERE " + PACKAGE_KEY, row -> {
                    String publish = row.getString("origin_publish");
                    String upstream = row.getString("origin_upstream");
                    return publish == null || upstream == null ? PackageOriginRestrictions.ALLOW_ALL
                            : new PackageOriginRestrictions(publish, upstream);
                }, packageParams(key));
    }

    @Override
    public void putOriginRestrictions(HostedPackage pkg, PackageOriginRestrictions restrictions) {
        PackageKey key = pkg.key();
        retryingRaces(() -> jdbc.inTransaction("set the origin controls of package " + key.name(), tx -> {
            if (!ensurePackage(tx, pkg, restrictions)) {
                tx.update("UPDATE codeartifact_packages SET origin_publish = ?, origin_upstream = ? WHERE "
                        + PACKAGE_KEY, restrictions.publish(), restrictions.upstream(), key.domainOwner(),
                        key.domainName(), key.repository(), key.format(), key.namespace(), key.name());
            }
            return null;
        }));
    }

    @Override
    public Optional<PackageVersionOrigin> versionOrigin(PackageKey key, String version) {
        return jdbc.one("read the origin of version " + version + " of package " + key.name(), "SELECT origin_type,"
                + " origin_repository, origin_external_connection FROM codeartifact_package_versions WHERE "
                + PACKAGE_KEY + " AND package_version = ?", row -> {
                    String type = row.getString("origin_type");
                    return type == null ? PackageVersionOrigin.published(key.repository())
                            : new PackageVersionOrigin(type, row.getString("origin_repository"),
                            row.getString("origin_external_connection"));
                }, versionParams(key, version));
    }

    /** Ends the uploads in flight of the blobs a publication now refers to (in key order: no deadlocks). */
    private static void unpin(Jdbc.Transaction tx, List<String> blobKeys) throws SQLException {
        for (String blobKey : new java.util.TreeSet<>(blobKeys)) {
            tx.update(UNPIN, blobKey);
        }
    }

    /** Creates the package with these origin controls unless it exists (then it is locked and left as it is). */
    private static boolean ensurePackage(Jdbc.Transaction tx, HostedPackage pkg,
                                         PackageOriginRestrictions restrictions) throws SQLException {
        PackageKey key = pkg.key();
        if (tx.one("SELECT 1 FROM codeartifact_packages WHERE " + PACKAGE_KEY + " FOR UPDATE", row -> 1,
                packageParams(key)).isPresent()) {
            return false;
        }
        try {
            tx.update("INSERT INTO codeartifact_packages (" + PACKAGE_COLUMNS + ", display_name, created_at,"
                            + " origin_publish, origin_upstream) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    key.domainOwner(), key.domainName(), key.repository(), key.format(), key.namespace(), key.name(),
                    pkg.displayName(), pkg.createdTime(), restrictions.publish(), restrictions.upstream());
            return true;
        } catch (SQLException e) {
            RuntimeException translated = Jdbc.translate("create package " + key.name(), e);
            if (translated instanceof io.gatepass.store.DuplicateEntityException) {
                throw new PackageRace(); // another writer created it at the same moment: try the whole thing again
            }
            throw translated;
        }
    }

    private static void insertVersion(Jdbc.Transaction tx, PackageVersion version, PackageVersionOrigin origin)
            throws SQLException {
        PackageKey key = version.key();
        try {
            tx.update("INSERT INTO codeartifact_package_versions (" + PACKAGE_COLUMNS + ", package_version, status,"
                            + " revision, published_at, metadata, origin_type, origin_repository,"
                            + " origin_external_connection) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    key.domainOwner(), key.domainName(), key.repository(), key.format(), key.namespace(), key.name(),
                    version.version(), version.status().wireName(), version.revision(), version.publishedTime(),
                    version.metadata(), origin.originType(), origin.repository(), origin.externalConnection());
        } catch (SQLException e) {
            throw Jdbc.translate("publish version " + version.version() + " of package " + key.name(), e);
        }
    }

    private static void insertAsset(Jdbc.Transaction tx, PackageKey key, String version, PackageAsset asset)
            throws SQLException {
        try {
            tx.update(INSERT_ASSET, key.domainOwner(), key.domainName(), key.repository(), key.format(),
                    key.namespace(), key.name(), version, asset.name(), asset.size(), asset.md5(), asset.sha1(),
                    asset.sha256(), asset.sha512(), asset.blobKey());
        } catch (SQLException e) {
            throw Jdbc.translate("add asset " + asset.name() + " to version " + version + " of package " + key.name(),
                    e);
        }
    }

    private static void putDistTag(Jdbc.Transaction tx, PackageKey key, String tag, String version)
            throws SQLException {
        try {
            int updated = tx.update("UPDATE codeartifact_package_dist_tags SET package_version = ? WHERE "
                    + PACKAGE_KEY + " AND tag = ?", version, key.domainOwner(), key.domainName(), key.repository(),
                    key.format(), key.namespace(), key.name(), tag);
            if (updated == 0) {
                tx.update("INSERT INTO codeartifact_package_dist_tags (" + PACKAGE_COLUMNS + ", tag, package_version)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", key.domainOwner(), key.domainName(),
                        key.repository(), key.format(), key.namespace(), key.name(), tag, version);
            }
        } catch (SQLException e) {
            throw Jdbc.translate("set dist-tag " + tag + " of package " + key.name(), e);
        }
    }

    private static Object[] packageParams(PackageKey key) {
        return new Object[]{key.domainOwner(), key.domainName(), key.repository(), key.format(), key.namespace(),
                key.name()};
    }

    private static Object[] versionParams(PackageKey key, String version) {
        return new Object[]{key.domainOwner(), key.domainName(), key.repository(), key.format(), key.namespace(),
                key.name(), version};
    }

    /** The package's key, then (unless null) the version, then a last value (asset name or tag). */
    private static Object[] assetParams(PackageKey key, String versionOrNull, String last) {
        List<Object> params = new ArrayList<>(List.of(packageParams(key)));
        if (versionOrNull != null) {
            params.add(versionOrNull);
        }
        params.add(last);
        return params.toArray();
    }

    private static PackageKey mapKey(ResultSet row) throws SQLException {
        return new PackageKey(row.getString("domain_owner"), row.getString("domain_name"),
                row.getString("repository_name"), row.getString("package_format"), row.getString("package_namespace"),
                row.getString("package_name"));
    }

    private static HostedPackage mapPackage(ResultSet row) throws SQLException {
        return new HostedPackage(mapKey(row), row.getString("display_name"), Jdbc.instant(row, "created_at"));
    }

    private static PackageVersion mapVersion(ResultSet row) throws SQLException {
        return new PackageVersion(mapKey(row), row.getString("package_version"),
                PackageVersionStatus.ofWireName(row.getString("status")), row.getString("revision"),
                Jdbc.instant(row, "published_at"), row.getString("metadata"));
    }

    private static PackageAsset mapAsset(ResultSet row) throws SQLException {
        return new PackageAsset(row.getString("asset_name"), row.getLong("size_bytes"), row.getString("md5"),
                row.getString("sha1"), row.getString("sha256"), row.getString("sha512"), row.getString("blob_key"));
    }
}
