package io.gatepass.server.internal.endpoints.packages.upstream;

import io.gatepass.core.codeartifact.ExternalConnection;
import io.gatepass.core.codeartifact.HostedPackage;
import io.gatepass.core.codeartifact.PackageAsset;
import io.gatepass.core.codeartifact.PackageKey;
import io.gatepass.core.codeartifact.PackageVersion;
import io.gatepass.core.codeartifact.PackageVersionOrigin;
import io.gatepass.core.codeartifact.PackageVersionStatus;
import io.gatepass.core.codeartifact.Repository;
import io.gatepass.store.BlobStore.StoredBlob;
import io.gatepass.store.DuplicateEntityException;
import io.gatepass.store.PackageStore;
import io.gatepass.store.PackageStore.VersionPublication;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

/**
 * One repository's view of its upstreams for one format, as CodeArtifact resolves a package: the repository itself,
 * then each upstream in the order listed, depth first (an upstream's own upstreams before the next one), each
 * repository's external connection after its upstreams, at most {@link Upstreams#MAX_SEARCHED} repositories, each
 * once. A package whose origin controls say {@code upstream: BLOCK} in a repository takes nothing from that
 * repository's upstreams or external connection.
 *
 * <p>A version found upstream is retained in the repository asked (a reference to the same bytes: content-addressed
 * blobs are shared, nothing is copied), so it keeps working when the upstream loses it; a version from an external
 * connection is retained in the repository that has the connection and in the repository asked. Reading through an
 * upstream needs no permission on the upstream: the caller's {@code ReadFromRepository} on the repository asked is
 * all, as in CodeArtifact.
 */
public final class RepositoryUpstreams {
    private final Upstreams upstreams;
    private final String owner;
    private final String domain;
    private final String repository;
    private final String format;

    RepositoryUpstreams(Upstreams upstreams, String owner, String domain, String repository, String format) {
        this.upstreams = upstreams;
        this.owner = owner;
        this.domain = domain;
        this.repository = repository;
        this.format = format;
    }

    private PackageStore packages() {
        return upstreams.store.packages();
    }

    /** The package's key in {@code repositoryName}. */
    public PackageKey key(String repositoryName, String namespaceOrNull, String name) {
        return new PackageKey(owner, domain, repositoryName, format, namespaceOrNull, name);
    }

    /**
     * Where to look for the package after the repository itself, in order; empty when the repository has no
     * upstreams and no external connection, or the package's origin controls block upstream versions here.
     *
     * @throws MissingUpstream when the way there passes a deleted repository (until UpdateRepository drops it)
     */
    public List<UpstreamSource> searchOrder(String namespaceOrNull, String name) {
        List<UpstreamSource> order = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        visit(repository, null, namespaceOrNull, name, seen, order);
        return order;
    }

    /**
     * @param through the repository whose upstream list names {@code current}; null for the repository itself
     * @throws MissingUpstream when a repository on the way lists an upstream that was deleted
     */
    private void visit(String current, String through, String namespace, String name, Set<String> seen,
                       List<UpstreamSource> order) {
        if (seen.size() >= Upstreams.MAX_SEARCHED || !seen.add(current)) {
            return;
        }
        Repository found = upstreams.store.repositories().find(owner, domain, current).orElse(null);
        if (found == null) {
            if (through == null) {
                return; // the repository asked was deleted meanwhile: its reads answer 404 themselves
            }
            throw new MissingUpstream(current, through, repository);
        }
        if (through != null) {
            order.add(new UpstreamSource.Repository(current, through));
        }
        boolean blocked = packages().originRestrictions(key(current, namespace, name))
                .map(r -> !r.upstreamAllowed()).orElse(false);
        if (blocked) {
            return;
        }
        for (String upstream : found.upstreams()) {
            visit(upstream, current, namespace, name, seen, order);
        }
        String connection = found.externalConnection();
        if (connection != null && ExternalConnection.named(connection).map(c -> c.format().equals(format))
                .orElse(false)) {
            upstreams.connections.baseUrl(connection).ifPresent(url ->
                    order.add(new UpstreamSource.External(current, connection, url)));
        }
    }

    /**
     * Retains a version of an upstream repository in this repository: the same assets (same bytes), metadata
     * through {@code metadata} (e.g. npm's tarball URL pointing here), its origin kept.
     *
     * @return the version now in this repository; empty if the upstream does not have it (downloadable)
     */
    public Optional<PackageVersion> retain(UpstreamSource.Repository from, String namespace, String name,
                                           String version, UnaryOperator<String> metadata) {
        PackageKey source = key(from.name(), namespace, name);
        PackageVersion found = packages().findVersion(source, version)
                .filter(v -> v.status() == PackageVersionStatus.PUBLISHED).orElse(null);
        if (found == null) {
            return Optional.empty();
        }
        HostedPackage pkg = packages().findPackage(source).orElse(null);
        if (pkg == null) {
            return Optional.empty();
        }
        List<PackageAsset> assets = packages().listAssets(source, version);
        PackageVersionOrigin origin = packages().versionOrigin(source, version)
                .orElse(PackageVersionOrigin.published(from.name()));
        PackageKey target = key(repository, namespace, name);
        return Optional.of(publish(target, pkg.displayName(), version, found.publishedTime(),
                metadata.apply(found.metadata()), assets, origin));
    }

    /**
     * Retains a version fetched from an external connection: its bytes become a blob, and the version is published
     * (origin EXTERNAL) to the connection's repository and to this one.
     *
     * @param file the downloaded asset (the caller deletes it)
     * @return the version now in this repository
     */
    public PackageVersion ingest(UpstreamSource.External from, String namespace, String name, String displayName,
                                 String version, Instant publishedTime, String metadata, String assetName,
                                 Path file) {
        StoredBlob blob = upstreams.blobs.put(file);
        PackageAsset asset = new PackageAsset(assetName, blob.size(), blob.md5(), blob.sha1(), blob.sha256(),
                blob.sha512(), blob.key());
        PackageVersionOrigin origin = PackageVersionOrigin.external(from.repository(), from.connection());
        if (!from.repository().equals(repository)) {
            // first where the connection is, so the version stays in the domain if this repository drops it
            publish(key(from.repository(), namespace, name), displayName, version, publishedTime, metadata,
                    List.of(asset), origin);
        }
        return publish(key(repository, namespace, name), displayName, version, publishedTime, metadata,
                List.of(asset), origin);
    }

    /** Runs {@code work} once at a time for this version of the package here (see {@link SingleFlight}). */
    @SuppressWarnings("unchecked")
    public <V> V once(String namespace, String name, String version, Callable<V> work) {
        String flight = owner + "/" + domain + "/" + repository + "/" + format + "/" + namespace + "/" + name + "@"
                + version;
        return (V) upstreams.flights.run(flight, upstreams.remote.timeout().multipliedBy(3), (Callable<Object>) work);
    }

    /**
     * A public metadata document (packument, simple page, maven-metadata.xml): the registry's answer of the last
     * second when there is one ({@link Upstreams#recentDocuments}), else fetched once for concurrent readers. The
     * bytes are shared: callers only read them.
     *
     * @return empty when the registry has nothing there
     * @throws UpstreamUnavailable as {@link RemoteRegistry#fetch}
     */
    @SuppressWarnings("unchecked")
    public Optional<byte[]> document(URI url, String accept) {
        String key = "GET " + url + " " + accept;
        Optional<Optional<byte[]>> recent = upstreams.documents.find(key);
        if (recent.isPresent()) {
            return recent.get();
        }
        return (Optional<byte[]>) upstreams.flights.run(key, upstreams.remote.timeout().multipliedBy(2), () -> {
            Optional<Optional<byte[]>> meanwhile = upstreams.documents.find(key); // a flight that just ended
            if (meanwhile.isPresent()) {
                return meanwhile.get();
            }
            long generation = upstreams.documents.generation();
            Instant asked = upstreams.clock.instant();
            Optional<byte[]> body = upstreams.remote.fetch(url, accept);
            upstreams.documents.put(key, body, asked, generation);
            return body;
        });
    }

    public RemoteRegistry remote() {
        return upstreams.remote;
    }

    /** Where downloads are spooled. */
    public Path spool() {
        return upstreams.spool;
    }

    public long maxAssetBytes() {
        return upstreams.maxAssetBytes;
    }

    /** Publishes a retained copy; an existing version (someone retained it first) is returned as it is. */
    private PackageVersion publish(PackageKey key, String displayName, String version, Instant publishedTime,
                                   String metadata, List<PackageAsset> assets, PackageVersionOrigin origin) {
        Instant now = upstreams.clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Optional<PackageVersion> existing = packages().findVersion(key, version);
        if (existing.isPresent()) {
            // another file of a version kept before (PyPI: a wheel, then the sdist): add what is missing
            for (PackageAsset asset : assets) {
                if (packages().findAsset(key, version, asset.name()).isEmpty()) {
                    packages().pinBlob(asset.blobKey(), now.plus(Duration.ofHours(1)));
                    try {
                        packages().addAsset(new HostedPackage(key, displayName, now), existing.get(), asset, false);
                    } catch (DuplicateEntityException raced) {
                        packages().unpinBlob(asset.blobKey());
                    } finally {
                        upstreams.changes.changed(key);
                    }
                }
            }
            return existing.get();
        }
        for (PackageAsset asset : assets) {
            packages().pinBlob(asset.blobKey(), now.plus(Duration.ofHours(1)));
        }
        PackageVersion stored = new PackageVersion(key, version, PackageVersionStatus.PUBLISHED,
                upstreams.ids.revision(), publishedTime == null ? now : publishedTime, metadata);
        Map<String, String> tags = "npm".equals(format) && !packages().distTags(key).containsKey("latest")
                ? Map.of("latest", version) : Map.of();
        try {
            packages().publish(new VersionPublication(new HostedPackage(key, displayName, now), stored, assets, tags,
                    origin));
        } catch (DuplicateEntityException e) {
            assets.forEach(a -> packages().unpinBlob(a.blobKey()));
            return packages().findVersion(key, version).orElseThrow(() -> e);
        } finally {
            upstreams.changes.changed(key);
        }
        return stored;
    }
}
