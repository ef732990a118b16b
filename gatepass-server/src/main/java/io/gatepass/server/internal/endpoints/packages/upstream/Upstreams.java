package io.gatepass.server.internal.endpoints.packages.upstream;

import io.gatepass.core.id.IdGenerator;

import io.gatepass.core.codeartifact.PackageChanges;
import io.gatepass.store.BlobStore;
import io.gatepass.store.Store;

import java.nio.file.Path;
import java.time.Clock;

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
    /** Public metadata documents fetched in the last second. */
    final RecentDocuments documents;

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
        this.documents = new RecentDocuments(clock, RecentDocuments.TTL, RecentDocuments.MAX_ENTRIES,
                RecentDocuments.MAX_BYTES);
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
