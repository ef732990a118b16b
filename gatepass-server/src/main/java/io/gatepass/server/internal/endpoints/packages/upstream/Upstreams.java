package io.gatepass.server.internal.endpoints.packages.upstream;

import io.gatepass.core.id.IdGenerator;

import io.gatepass.core.codeartifact.PackageChanges;
import io.gatepass.store.BlobStore;
import io.gatepass.store.Store;

import io.gatepass.server.internal.endpoints.packages.ResponseCache;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * What the package endpoints share to read through upstream repositories and external connections: the store and
 * blobs (to search and to retain), where each external connection fetches from, the HTTP client, and the
 * single-flight table that makes concurrent demand for one public version a single fetch. One per server.
 */
public final class Upstreams {
    /** How many repositories one request may search: the repository itself and its upstreams, transitively. */
    public static final int MAX_SEARCHED = 25;
    /** Package endpoint workers that never wait on a public registry, for requests that need none. */
    public static final int WORKERS_KEPT_FROM_REGISTRIES = 16;
    /** How long a public document is served without asking the registry again: as long as the formats' caches. */
    static final Duration DOCUMENT_TTL = Duration.ofSeconds(1);
    static final int MAX_DOCUMENTS = 2_000;
    static final long MAX_DOCUMENT_BYTES = 64L * 1024 * 1024;

    final Store store;
    final BlobStore blobs;
    final ExternalConnections connections;
    final RemoteRegistry remote;
    final Clock clock;
    final Path spool;
    final long maxAssetBytes;
    final PackageChanges changes;
    final IdGenerator ids;
    /** Fetches from public registries, at most {@code maxWaiting} threads waiting on them (see {@link SingleFlight}). */
    final SingleFlight<String, Object> flights;
    /** Public metadata documents fetched in the last second (see {@link #recentDocuments}). */
    final ResponseCache<String, Optional<byte[]>> documents;

    /**
     * @param spool         where downloads are written before they become blobs
     * @param maxAssetBytes the largest asset fetched
     * @param changes       told of every package a retention changes (the formats' caches drop it)
     * @param ids           the revision of each version a retention stores
     * @param maxWaiting    how many threads may wait on public registries at once (the package endpoints' workers
     *                      but {@link #WORKERS_KEPT_FROM_REGISTRIES})
     */
    public Upstreams(Store store, BlobStore blobs, ExternalConnections connections, RemoteRegistry remote,
                     Clock clock, Path spool, long maxAssetBytes, PackageChanges changes, IdGenerator ids,
                     int maxWaiting) {
        this.store = store;
        this.blobs = blobs;
        this.connections = connections;
        this.remote = remote;
        this.clock = clock;
        this.spool = spool;
        this.maxAssetBytes = maxAssetBytes;
        this.changes = changes;
        this.ids = ids;
        this.flights = new SingleFlight<>(maxWaiting);
        this.documents = recentDocuments(clock, DOCUMENT_TTL, MAX_DOCUMENTS, MAX_DOCUMENT_BYTES);
    }

    /**
     * Public metadata documents (an npm packument, a PyPI simple page, a maven-metadata.xml) as a registry answered
     * them moments ago, by URL and {@code Accept}: the requests of one install (a packument, then the version's
     * tarball, which needs the packument again) and of many clients at once fetch a document once per {@code ttl}
     * instead of once each. An answer that the registry has nothing there (an empty body) is kept too; a failure is
     * not. Each entry lives {@code ttl} from when the registry was asked, so a change there shows within it.
     */
    static ResponseCache<String, Optional<byte[]>> recentDocuments(Clock clock, Duration ttl, int maxEntries,
                                                                   long maxBytes) {
        return new ResponseCache<>(clock, ttl, maxEntries, maxBytes, body -> body.map(b -> (long) b.length).orElse(0L));
    }

    /** The upstream view of one repository, for one format's requests. */
    public RepositoryUpstreams of(String domainOwner, String domain, String repository, String format) {
        return new RepositoryUpstreams(this, domainOwner, domain, repository, format);
    }

    /** How many fetch-and-retain runs were started (single-flight: one per version under concurrent demand). */
    public long fetchRuns() {
        return flights.runs();
    }
}
