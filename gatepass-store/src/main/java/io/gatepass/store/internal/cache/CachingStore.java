package io.gatepass.store.internal.cache;

import io.gatepass.core.codeartifact.Domain;
import io.gatepass.core.codeartifact.DomainPolicy;
import io.gatepass.core.codeartifact.Repository;
import io.gatepass.core.codeartifact.RepositoryPolicy;
import io.gatepass.core.gamelift.Compute;
import io.gatepass.core.gamelift.Fleet;
import io.gatepass.core.gamelift.FleetLocation;
import io.gatepass.core.identity.AccessKey;
import io.gatepass.core.identity.AccessKeyStatus;
import io.gatepass.core.identity.Role;
import io.gatepass.core.identity.SessionCredentials;
import io.gatepass.core.identity.User;
import io.gatepass.store.AccessKeyStore;
import io.gatepass.store.AccessKeyUsage;
import io.gatepass.store.AccountStore;
import io.gatepass.store.BlobStore;
import io.gatepass.store.ComputeStore;
import io.gatepass.store.DomainPolicyStore;
import io.gatepass.store.DomainStore;
import io.gatepass.store.FleetStore;
import io.gatepass.store.GameSessionStore;
import io.gatepass.store.InlinePolicy;
import io.gatepass.store.InlinePolicyStore;
import io.gatepass.store.LocationStore;
import io.gatepass.store.PackageStore;
import io.gatepass.store.PlayerSessionStore;
import io.gatepass.store.PolicyOwner;
import io.gatepass.store.RepositoryPolicyStore;
import io.gatepass.store.RepositoryStore;
import io.gatepass.store.RoleStore;
import io.gatepass.store.ServerProcessStore;
import io.gatepass.store.SessionStore;
import io.gatepass.store.Store;
import io.gatepass.store.TokenKeyStore;
import io.gatepass.store.UserStore;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A {@link Store} whose reads of what every signed request needs and what changes rarely — access keys, users,
 * sessions, inline policies, fleets, computes, domains and domain policies — are answered from memory for up to
 * {@link #TTL} (1 s). Every write through this store (to those repositories or to roles, whose deletion removes their
 * policies) forgets everything cached, after it commits, so on one node a revoked key, a deleted user, domain, fleet or
 * compute, or a changed policy is seen by the very next request. A write made by another node sharing the database is
 * seen here within {@link #TTL}. Lists that page and everything else go straight to the store. Only a domain policy's
 * absence is remembered (most domains have none); other absent rows are read again, so what another node has just
 * created (a session, a compute) is found at once.
 *
 * <p>Every write that changes or removes what may be cached here (not one that only creates something new, as absent
 * rows are not kept) is also {@linkplain Invalidations#publish published} on {@link Invalidations#STORE} once it
 * committed — so are changes to repositories and repository policies, which are not cached here but which the package
 * endpoints' caches hold — and whatever is heard there makes this cache forget everything: with PostgreSQL's {@code NOTIFY} another
 * node's change is seen here as soon as word arrives, the TTL remaining the safety net when word is lost.
 */
public final class CachingStore implements Store {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CachingStore.class);
    /** How long another node's write may go unseen here. */
    public static final Duration TTL = Duration.ofSeconds(1);
    private static final int MAX_ENTRIES = 20_000;

    private final Store store;
    private final ReadCache cache;
    private final AccessKeyStore accessKeys;
    private final UserStore users;
    private final RoleStore roles;
    private final SessionStore sessions;
    private final InlinePolicyStore policies;
    private final FleetStore fleets;
    private final ComputeStore computes;
    private final DomainStore domains;
    private final DomainPolicyStore domainPolicies;
    private final RepositoryStore repositories;
    private final RepositoryPolicyStore repositoryPolicies;
    private final Invalidations invalidations;
    private final Executor refresher;

    public CachingStore(Store store) {
        this(store, TTL, System::nanoTime);
    }

    /** With another time-to-live and clock ({@code System::nanoTime} in production). */
    public CachingStore(Store store, Duration ttl, LongSupplier nanoTime) {
        this(store, ttl, nanoTime, Invalidations.local());
    }

    /**
     * Hearing of the other nodes' changes through {@code invalidations} (see {@link io.gatepass.store.Stores#invalidations}),
     * which this store closes when it is closed.
     */
    public CachingStore(Store store, Duration ttl, LongSupplier nanoTime, Invalidations invalidations) {
        this(store, ttl, nanoTime, invalidations, refresherThread());
    }

    /**
     * As above, reading rows that are still asked for shortly before they expire on {@code refresher} (see
     * {@link ReadCache}); an {@link ExecutorService} given here is shut down when this store is closed. A
     * {@link ScheduledExecutorService} also reads a row asked for earlier in its life when its last quarter begins;
     * another executor only those asked for in that last quarter.
     */
    public CachingStore(Store store, Duration ttl, LongSupplier nanoTime, Invalidations invalidations,
                        Executor refresher) {
        this.store = store;
        this.invalidations = invalidations;
        this.refresher = refresher;
        this.cache = new ReadCache(ttl.toNanos(), MAX_ENTRIES, nanoTime, refresherOn(refresher));
        invalidations.listen(Invalidations.STORE, everything -> cache.invalidateAll());
        this.accessKeys = new CachedAccessKeys(store.accessKeys());
        this.users = new CachedUsers(store.users());
        this.roles = new CachedRoles(store.roles());
        this.sessions = new CachedSessions(store.sessions());
        this.policies = new CachedPolicies(store.policies());
        this.fleets = new CachedFleets(store.fleets());
        this.computes = new CachedComputes(store.computes());
        this.domains = new CachedDomains(store.domains());
        this.domainPolicies = new CachedDomainPolicies(store.domainPolicies());
        this.repositories = new PublishedRepositories(store.repositories());
        this.repositoryPolicies = new PublishedRepositoryPolicies(store.repositoryPolicies());
    }

    /**
     * One daemon thread reading hot rows again before they expire: a read per hot row per second or so, each at the
     * start of its row's last quarter.
     */
    private static ExecutorService refresherThread() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "gatepass-cache-refresh");
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.AbortPolicy());
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setKeepAliveTime(30, TimeUnit.SECONDS);
        executor.allowCoreThreadTimeOut(true); // an idle node keeps no thread for it
        return executor;
    }

    /**
     * The cache's view of {@code executor}. A scheduled one's queue is bounded here ({@value #REFRESH_QUEUE} reads and
     * timed refreshes): what does not fit is refused, and its row simply expires (the first request that needs it
     * then reads it).
     */
    private static ReadCache.Refresher refresherOn(Executor executor) {
        if (executor instanceof ScheduledExecutorService scheduled) {
            return new ReadCache.Refresher() {
                @Override
                public void execute(Runnable read) {
                    admit(scheduled);
                    scheduled.execute(read);
                }

                @Override
                public void schedule(Runnable task, long delayNanos) {
                    admit(scheduled);
                    scheduled.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
                }
            };
        }
        return new ReadCache.Refresher() {
            @Override
            public void execute(Runnable read) {
                executor.execute(read);
            }

            @Override
            public void schedule(Runnable task, long delayNanos) {
                throw new RejectedExecutionException("no timed refresh on " + executor);
            }
        };
    }

    private static final int REFRESH_QUEUE = 4096;

    private static void admit(Executor executor) {
        if (executor instanceof ThreadPoolExecutor pool && pool.getQueue().size() >= REFRESH_QUEUE) {
            throw new RejectedExecutionException("the cache's refresh queue is full");
        }
    }

    /**
     * Drops the queued reads and waits a little for the one under way, without interrupting it: an interrupt during an
     * H2 file read closes the file's channel under the database that is about to close (H2's default file system is
     * interruptible), and the store closes only after the read.
     */
    private static void stopRefreshing(ExecutorService executor) {
        executor.shutdown();
        if (executor instanceof ThreadPoolExecutor pool) {
            for (Runnable queued : pool.getQueue().toArray(new Runnable[0])) {
                pool.remove(queued);
            }
        }
        try {
            if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
                LOG.warn("A cache refresh was still reading when the store closed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static CacheKey key(String kind, Object value) {
        return new CacheKey(kind, value, null);
    }

    private static CacheKey key(String kind, Object first, Object second) {
        return new CacheKey(kind, first, second);
    }

    /** Where this node's changes are published and the other nodes' heard; caches of others listen here too. */
    public Invalidations invalidations() {
        return invalidations;
    }

    /** A write that may change or remove cached rows: forgotten here, then published once it committed. */
    private <T> T change(java.util.function.Supplier<T> write) {
        T result = cache.write(write);
        invalidations.publish(Invalidations.STORE, null);
        return result;
    }

    @Override
    public AccessKeyStore accessKeys() {
        return accessKeys;
    }

    @Override
    public UserStore users() {
        return users;
    }

    @Override
    public RoleStore roles() {
        return roles;
    }

    @Override
    public SessionStore sessions() {
        return sessions;
    }

    @Override
    public InlinePolicyStore policies() {
        return policies;
    }

    @Override
    public FleetStore fleets() {
        return fleets;
    }

    @Override
    public ComputeStore computes() {
        return computes;
    }

    @Override
    public DomainStore domains() {
        return domains;
    }

    @Override
    public DomainPolicyStore domainPolicies() {
        return domainPolicies;
    }

    @Override
    public AccountStore accounts() {
        return store.accounts();
    }

    @Override
    public LocationStore locations() {
        return store.locations();
    }

    @Override
    public TokenKeyStore tokenKeys() {
        return store.tokenKeys();
    }

    @Override
    public RepositoryStore repositories() {
        return repositories;
    }

    @Override
    public GameSessionStore gameSessions() {
        return store.gameSessions();
    }

    @Override
    public PlayerSessionStore playerSessions() {
        return store.playerSessions();
    }

    @Override
    public ServerProcessStore serverProcesses() {
        return store.serverProcesses();
    }

    @Override
    public RepositoryPolicyStore repositoryPolicies() {
        return repositoryPolicies;
    }

    @Override
    public PackageStore packages() {
        return store.packages();
    }

    @Override
    public BlobStore databaseBlobs() {
        return store.databaseBlobs();
    }

    @Override
    public boolean isHealthy() {
        return store.isHealthy();
    }

    @Override
    public String kind() {
        return store.kind();
    }

    @Override
    public void close() {
        if (refresher instanceof ExecutorService executor) {
            stopRefreshing(executor);
        }
        try {
            invalidations.close();
        } finally {
            store.close();
        }
    }

    private final class CachedAccessKeys implements AccessKeyStore {
        private final AccessKeyStore store;

        CachedAccessKeys(AccessKeyStore store) {
            this.store = store;
        }

        @Override
        public void create(AccessKey key) {
            cache.write(() -> store.create(key));
        }

        @Override
        public boolean createWithinQuota(AccessKey key, int quota) {
            return cache.write(() -> store.createWithinQuota(key, quota));
        }

        @Override
        public Optional<AccessKey> find(String accessKeyId) {
            return cache.get(key("accessKey", accessKeyId), () -> store.find(accessKeyId));
        }

        @Override
        public List<AccessKey> list(String accountId, String userName) {
            return store.list(accountId, userName);
        }

        @Override
        public boolean updateStatus(String accountId, String userName, String accessKeyId, AccessKeyStatus status) {
            return change(() -> store.updateStatus(accountId, userName, accessKeyId, status));
        }

        @Override
        public boolean delete(String accountId, String userName, String accessKeyId) {
            return change(() -> store.delete(accountId, userName, accessKeyId));
        }

        @Override
        public void recordLastUsed(Collection<AccessKeyUsage> usages) {
            store.recordLastUsed(usages); // not cached: read rarely, and written by every node
        }

        @Override
        public Optional<AccessKeyUsage> lastUsed(String accessKeyId) {
            return store.lastUsed(accessKeyId);
        }
    }

    private final class CachedUsers implements UserStore {
        private final UserStore store;

        CachedUsers(UserStore store) {
            this.store = store;
        }

        @Override
        public void create(User user) {
            cache.write(() -> store.create(user));
        }

        @Override
        public Optional<User> find(String accountId, String userName) {
            return cache.get(key("user", accountId, userName), () -> store.find(accountId, userName));
        }

        @Override
        public Optional<User> findByUserId(String userId) {
            return store.findByUserId(userId);
        }

        @Override
        public List<User> list(String accountId, String pathPrefix, String afterName, int limit) {
            return store.list(accountId, pathPrefix, afterName, limit);
        }

        @Override
        public boolean delete(String accountId, String userName) {
            return change(() -> store.delete(accountId, userName));
        }
    }

    private final class CachedRoles implements RoleStore {
        private final RoleStore store;

        CachedRoles(RoleStore store) {
            this.store = store;
        }

        @Override
        public void create(Role role) {
            cache.write(() -> store.create(role));
        }

        @Override
        public Optional<Role> find(String accountId, String roleName) {
            return store.find(accountId, roleName);
        }

        @Override
        public List<Role> list(String accountId, String pathPrefix, String afterName, int limit) {
            return store.list(accountId, pathPrefix, afterName, limit);
        }

        @Override
        public boolean delete(String accountId, String roleName) {
            return change(() -> store.delete(accountId, roleName));
        }
    }

    private final class CachedSessions implements SessionStore {
        private final SessionStore store;

        CachedSessions(SessionStore store) {
            this.store = store;
        }

        @Override
        public void create(SessionCredentials session) {
            cache.write(() -> store.create(session));
        }

        @Override
        public Optional<SessionCredentials> find(String accessKeyId) {
            return cache.get(key("session", accessKeyId), () -> store.find(accessKeyId));
        }

        @Override
        public int deleteExpiredBefore(Instant cutoff) {
            return change(() -> store.deleteExpiredBefore(cutoff));
        }
    }

    private final class CachedPolicies implements InlinePolicyStore {
        private final InlinePolicyStore store;

        CachedPolicies(InlinePolicyStore store) {
            this.store = store;
        }

        @Override
        public void put(PolicyOwner owner, InlinePolicy policy) {
            change(() -> {
                store.put(owner, policy);
                return null;
            });
        }

        @Override
        public Optional<InlinePolicy> find(PolicyOwner owner, String policyName) {
            return store.find(owner, policyName);
        }

        @Override
        public List<InlinePolicy> list(PolicyOwner owner) {
            return cache.get(key("policies", owner), () -> List.copyOf(store.list(owner)));
        }

        @Override
        public boolean delete(PolicyOwner owner, String policyName) {
            return change(() -> store.delete(owner, policyName));
        }

        @Override
        public int deleteAll(PolicyOwner owner) {
            return change(() -> store.deleteAll(owner));
        }
    }

    private final class CachedFleets implements FleetStore {
        private final FleetStore store;

        CachedFleets(FleetStore store) {
            this.store = store;
        }

        @Override
        public void create(Fleet fleet, List<FleetLocation> locations) {
            cache.write(() -> store.create(fleet, locations));
        }

        @Override
        public Optional<Fleet> find(String accountId, String fleetId) {
            return cache.get(key("fleet", accountId, fleetId), () -> store.find(accountId, fleetId));
        }

        @Override
        public List<Fleet> list(String accountId, String afterFleetId, int limit) {
            return store.list(accountId, afterFleetId, limit);
        }

        @Override
        public boolean delete(String accountId, String fleetId) {
            return change(() -> store.delete(accountId, fleetId));
        }

        @Override
        public boolean addLocations(String fleetId, List<FleetLocation> locations) {
            return change(() -> store.addLocations(fleetId, locations));
        }

        @Override
        public int removeLocations(String fleetId, List<String> locationNames) {
            return change(() -> store.removeLocations(fleetId, locationNames));
        }

        @Override
        public List<FleetLocation> locations(String fleetId) {
            return store.locations(fleetId);
        }

        @Override
        public boolean isLocationInUse(String accountId, String locationName) {
            return store.isLocationInUse(accountId, locationName);
        }

        @Override
        public Optional<String> runtimeConfiguration(String fleetId) {
            return store.runtimeConfiguration(fleetId);
        }

        @Override
        public boolean updateRuntimeConfiguration(String fleetId, String runtimeConfigurationJson) {
            return change(() -> store.updateRuntimeConfiguration(fleetId, runtimeConfigurationJson));
        }
    }

    private final class CachedComputes implements ComputeStore {
        private final ComputeStore store;

        CachedComputes(ComputeStore store) {
            this.store = store;
        }

        @Override
        public void register(Compute compute) {
            cache.write(() -> store.register(compute));
        }

        @Override
        public Optional<Compute> find(String fleetId, String computeName) {
            return cache.get(key("compute", fleetId, computeName), () -> store.find(fleetId, computeName));
        }

        @Override
        public Optional<Compute> findByRegistrationId(String registrationId) {
            return cache.get(key("registration", registrationId), () -> store.findByRegistrationId(registrationId));
        }

        @Override
        public List<Compute> list(String fleetId, String locationOrNull, String afterComputeName, int limit) {
            return store.list(fleetId, locationOrNull, afterComputeName, limit);
        }

        @Override
        public boolean deregister(String fleetId, String computeName) {
            return change(() -> store.deregister(fleetId, computeName));
        }

        @Override
        public boolean updateTokenExpiry(String fleetId, String computeName, String registrationId,
                                         Instant expectedCurrentOrNull, Instant newExpiry) {
            return change(() -> store.updateTokenExpiry(fleetId, computeName, registrationId,
                    expectedCurrentOrNull, newExpiry));
        }

        @Override
        public int countInLocation(String fleetId, String location) {
            return store.countInLocation(fleetId, location);
        }
    }

    private final class CachedDomains implements DomainStore {
        private final DomainStore store;

        CachedDomains(DomainStore store) {
            this.store = store;
        }

        @Override
        public void create(Domain domain) {
            cache.write(() -> store.create(domain));
        }

        @Override
        public Optional<Domain> find(String owner, String name) {
            return cache.get(key("domain", owner, name), () -> store.find(owner, name));
        }

        @Override
        public List<Domain> list(String ownerOrNull, String afterKey, int limit) {
            return store.list(ownerOrNull, afterKey, limit);
        }

        @Override
        public boolean delete(String owner, String name) {
            return change(() -> store.delete(owner, name));
        }

        @Override
        public int repositoryCount(String owner, String name) {
            return store.repositoryCount(owner, name);
        }
    }

    private final class CachedDomainPolicies implements DomainPolicyStore {
        private final DomainPolicyStore store;

        CachedDomainPolicies(DomainPolicyStore store) {
            this.store = store;
        }

        @Override
        public boolean put(DomainPolicy newPolicy, String expectedRevisionOrNull) {
            return change(() -> store.put(newPolicy, expectedRevisionOrNull));
        }

        @Override
        public Optional<DomainPolicy> find(String domainOwner, String domainName) {
            return cache.getKeepingAbsent(key("domainPolicy", domainOwner, domainName),
                    () -> store.find(domainOwner, domainName));
        }

        @Override
        public Optional<DomainPolicy> delete(String domainOwner, String domainName, String expectedRevisionOrNull) {
            return change(() -> store.delete(domainOwner, domainName, expectedRevisionOrNull));
        }
    }

    /**
     * Repositories are not cached here, but the package endpoints keep what they checked (a repository, its
     * upstreams and external connection) and listen on {@link Invalidations#STORE}: a change or deletion is published.
     */
    private final class PublishedRepositories implements RepositoryStore {
        private final RepositoryStore store;

        PublishedRepositories(RepositoryStore store) {
            this.store = store;
        }

        @Override
        public void create(Repository repository) {
            store.create(repository);
        }

        @Override
        public Optional<Repository> find(String domainOwner, String domainName, String name) {
            return store.find(domainOwner, domainName, name);
        }

        @Override
        public List<Repository> listInDomain(String domainOwner, String domainName,
                                                               String prefixOrNull, String afterName, int limit) {
            return store.listInDomain(domainOwner, domainName, prefixOrNull, afterName, limit);
        }

        @Override
        public List<Repository> listByAdministrator(String administratorAccount,
                                                                      String prefixOrNull, String afterKey,
                                                                      int limit) {
            return store.listByAdministrator(administratorAccount, prefixOrNull, afterKey, limit);
        }

        @Override
        public Optional<Repository> update(String domainOwner, String domainName, String name,
                                                             String description, List<String> upstreams) {
            return change(() -> store.update(domainOwner, domainName, name, description, upstreams));
        }

        @Override
        public Optional<Repository> setExternalConnection(String domainOwner, String domainName,
                                                                            String name, String expectedOrNull,
                                                                            String connectionOrNull) {
            return change(() -> store.setExternalConnection(domainOwner, domainName, name, expectedOrNull,
                    connectionOrNull));
        }

        @Override
        public Optional<Repository> delete(String domainOwner, String domainName, String name) {
            return change(() -> store.delete(domainOwner, domainName, name));
        }
    }

    /** Repository policies: read by the package endpoints' permission cache, so every change is published. */
    private final class PublishedRepositoryPolicies implements RepositoryPolicyStore {
        private final RepositoryPolicyStore store;

        PublishedRepositoryPolicies(RepositoryPolicyStore store) {
            this.store = store;
        }

        @Override
        public boolean put(RepositoryPolicy newPolicy, String expectedRevisionOrNull) {
            return change(() -> store.put(newPolicy, expectedRevisionOrNull));
        }

        @Override
        public Optional<RepositoryPolicy> find(String domainOwner, String domainName,
                                                                 String repositoryName) {
            return store.find(domainOwner, domainName, repositoryName);
        }

        @Override
        public Optional<RepositoryPolicy> delete(String domainOwner, String domainName,
                                                                   String repositoryName,
                                                                   String expectedRevisionOrNull) {
            return change(() -> store.delete(domainOwner, domainName, repositoryName, expectedRevisionOrNull));
        }
    }
}
