package io.gatepass.store.internal.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.gatepass.store.AccessKeyStore;
import io.gatepass.store.AccountStore;
import io.gatepass.store.ComputeStore;
import io.gatepass.store.DomainPolicyStore;
import io.gatepass.store.ServerProcessStore;
import io.gatepass.store.DomainStore;
import io.gatepass.store.FleetStore;
import io.gatepass.store.GameSessionStore;
import io.gatepass.store.InlinePolicyStore;
import io.gatepass.store.LocationStore;
import io.gatepass.store.PlayerSessionStore;
import io.gatepass.store.RepositoryStore;
import io.gatepass.store.RoleStore;
import io.gatepass.store.SessionStore;
import io.gatepass.store.Store;
import io.gatepass.store.StoreException;
import io.gatepass.store.TokenKeyStore;
import io.gatepass.store.UserStore;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The {@link Store} on H2 or PostgreSQL: a HikariCP pool, the Flyway migrations in {@code db/migration}, and one
 * small repository class per table. Use {@link io.gatepass.store.Stores#open} rather than this class.
 */
public final class JdbcStore implements Store {
    private static final int HEALTH_CHECK_TIMEOUT_SECONDS = 2;

    private final HikariDataSource dataSource;
    /** Every borrowing of a pooled connection goes through it, so that a compaction can pause them. */
    private final ConnectionGate gate = new ConnectionGate();
    /** One write at a time on an H2 file database, so that no chunk H2 writes holds half a commit. */
    private final WriteTurns writes;
    private final Dialect dialect;
    private final AccountStore accounts;
    private final UserStore users;
    private final RoleStore roles;
    private final AccessKeyStore accessKeys;
    private final SessionStore sessions;
    private final InlinePolicyStore policies;
    private final LocationStore locations;
    private final FleetStore fleets;
    private final ComputeStore computes;
    private final TokenKeyStore tokenKeys;
    private final DomainStore domains;
    private final RepositoryStore repositories;
    private final DomainPolicyStore domainPolicies;
    private final GameSessionStore gameSessions;
    private final PlayerSessionStore playerSessions;
    private final ServerProcessStore serverProcesses;
    private final io.gatepass.store.RepositoryPolicyStore repositoryPolicies;
    private final io.gatepass.store.PackageStore packages;
    private final io.gatepass.store.BlobStore databaseBlobs;
    /** The embedded database's file and URL, compacted after the pool closes; null otherwise. */
    private java.nio.file.Path embeddedFile;
    private String embeddedUrl;
    /** Compacts the embedded database while the store runs; null otherwise. */
    private OnlineCompaction onlineCompaction;

    private JdbcStore(HikariDataSource dataSource, Dialect dialect, WriteTurns writes) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.writes = writes;
        Jdbc jdbc = new Jdbc(dataSource, gate, writes);
        this.accounts = new JdbcAccountStore(jdbc, dialect);
        this.users = new JdbcUserStore(jdbc);
        this.roles = new JdbcRoleStore(jdbc);
        this.accessKeys = new JdbcAccessKeyStore(jdbc);
        this.sessions = new JdbcSessionStore(jdbc);
        this.policies = new JdbcInlinePolicyStore(jdbc, dialect);
        this.locations = new JdbcLocationStore(jdbc);
        this.fleets = new JdbcFleetStore(jdbc);
        this.computes = new JdbcComputeStore(jdbc);
        this.tokenKeys = new JdbcTokenKeyStore(jdbc);
        this.domains = new JdbcDomainStore(jdbc);
        this.repositories = new JdbcRepositoryStore(jdbc);
        this.domainPolicies = new JdbcDomainPolicyStore(jdbc);
        this.gameSessions = new JdbcGameSessionStore(jdbc);
        this.playerSessions = new JdbcPlayerSessionStore(jdbc);
        this.serverProcesses = new JdbcServerProcessStore(jdbc);
        this.repositoryPolicies = new JdbcRepositoryPolicyStore(jdbc);
        this.packages = new JdbcPackageStore(jdbc, dialect);
        this.databaseBlobs = new JdbcBlobStore(jdbc,
                io.gatepass.store.BlobPins.of(packages, java.time.Clock.systemUTC()));
    }

    /**
     * Connects, migrates the schema to the newest version and returns the store. Concurrent calls against one
     * PostgreSQL database are safe: Flyway serializes the migrations with a database lock.
     *
     * @param jdbcUrl a {@code jdbc:h2:} or {@code jdbc:postgresql:} URL
     * @throws IllegalArgumentException if the URL is for another database
     * @throws StoreException if the database cannot be reached or migrated
     */
    public static JdbcStore open(String jdbcUrl) {
        return open(jdbcUrl, null);
    }

    /** {@link #open}, the pool opening its connections through {@code openings} if not null. */
    private static JdbcStore open(String jdbcUrl, EmbeddedOpenings openings) {
        Dialect dialect = Dialect.forUrl(jdbcUrl);
        HikariDataSource dataSource = connect(jdbcUrl, dialect, openings);
        try {
            Migrations.migrate(dataSource, dialect);
            return new JdbcStore(dataSource, dialect, WriteTurns.forUrl(jdbcUrl));
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /**
     * {@link #open} for the embedded H2 database in {@code file} ({@code <name>.mv.db}, at {@code jdbcUrl}), which
     * starts as a copy of the empty store made at build time if there is no such file yet ({@link StoreTemplate}):
     * compacted
     * after the pool closes if it is large and mostly dead ({@link EmbeddedCompaction}). Not when it opens: a store
     * opened after a kill -9 is mid-recovery, and the one storm we saw compacted at that point lost five acknowledged
     * writes (EmbeddedStoreKillTest, with the retention time at 1 s). While it runs it is compacted by a brief pause
     * once the file grows past 64 MB and four times its compacted size ({@link OnlineCompaction}).
     */
    public static JdbcStore openEmbedded(String jdbcUrl, java.nio.file.Path file) {
        return openEmbedded(jdbcUrl, file, OnlineCompaction.Settings.DEFAULT);
    }

    /**
     * {@link #openEmbedded(String, java.nio.file.Path)}, also compacted while it runs once the file grows past
     * {@code compaction}'s floor and four times its size after the last compaction ({@link OnlineCompaction}). That
     * starts only now, once H2 has opened (and, after a kill, recovered) the database.
     */
    public static JdbcStore openEmbedded(String jdbcUrl, java.nio.file.Path file,
                                         OnlineCompaction.Settings compaction) {
        return openEmbedded(jdbcUrl, file, compaction, EmbeddedCompaction::closeAndCompact);
    }

    /** {@link #openEmbedded(String, java.nio.file.Path, OnlineCompaction.Settings)}, compacting with {@code compactor}. */
    static JdbcStore openEmbedded(String jdbcUrl, java.nio.file.Path file, OnlineCompaction.Settings compaction,
                                  OnlineCompaction.Compactor compactor) {
        EmbeddedOpenings openings = new EmbeddedOpenings(jdbcUrl);
        StoreTemplate.copyIfAbsent(file); // a new store: the empty one the build made, so the migration finds it done
        JdbcStore store = open(jdbcUrl, openings);
        store.embeddedFile = file;
        store.embeddedUrl = jdbcUrl;
        store.onlineCompaction = OnlineCompaction.start(store.dataSource, store.gate, openings, file, jdbcUrl,
                compaction, compactor);
        return store;
    }

    private static HikariDataSource connect(String jdbcUrl, Dialect dialect, EmbeddedOpenings openings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("gatepass-" + dialect.kind);
        if (openings == null) {
            config.setJdbcUrl(jdbcUrl);
        } else {
            config.setDataSource(openings);
        }
        config.setMaximumPoolSize(dialect.maxPoolSize);
        config.setMinimumIdle(dialect.minIdle);
        config.setConnectionTimeout(5_000);
        if (dialect == Dialect.H2) {
            // In-process connections need no recycling, and an H2 in-memory database vanishes the moment its last
            // connection closes, which routine recycling (30 min by default) could otherwise cause.
            config.setMaxLifetime(0);
            config.setAllowPoolSuspension(true); // OnlineCompaction closes every connection while the pool waits
        }
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) { // HikariPool.PoolInitializationException: the first connection failed
            throw new StoreException("Cannot connect to the " + dialect.kind + " store at " + Urls.redact(jdbcUrl)
                    + ": " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

    @Override
    public AccountStore accounts() {
        return accounts;
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
    public AccessKeyStore accessKeys() {
        return accessKeys;
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
    public LocationStore locations() {
        return locations;
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
    public TokenKeyStore tokenKeys() {
        return tokenKeys;
    }

    @Override
    public DomainStore domains() {
        return domains;
    }

    @Override
    public RepositoryStore repositories() {
        return repositories;
    }

    @Override
    public DomainPolicyStore domainPolicies() {
        return domainPolicies;
    }

    @Override
    public GameSessionStore gameSessions() {
        return gameSessions;
    }

    @Override
    public PlayerSessionStore playerSessions() {
        return playerSessions;
    }

    @Override
    public ServerProcessStore serverProcesses() {
        return serverProcesses;
    }

    @Override
    public io.gatepass.store.RepositoryPolicyStore repositoryPolicies() {
        return repositoryPolicies;
    }

    @Override
    public io.gatepass.store.PackageStore packages() {
        return packages;
    }

    @Override
    public io.gatepass.store.BlobStore databaseBlobs() {
        return databaseBlobs;
    }

    @Override
    public boolean isHealthy() {
        if (dataSource.isClosed()) {
            return false;
        }
        if (!gate.enterUnlessPaused()) {
            return true; // compacting (OnlineCompaction): healthy; a probe must not wait, nor restart the node
        }
        try (Connection connection = gate.borrow(dataSource)) {
            return connection.isValid(HEALTH_CHECK_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
        } finally {
            gate.exit();
        }
    }

    @Override
    public String kind() {
        return dialect.kind;
    }

    @Override
    public void close() {
        if (onlineCompaction != null) {
            onlineCompaction.close();
        }
        dataSource.close();
        if (embeddedFile != null) {
            EmbeddedCompaction.compactIfSparse(embeddedFile, embeddedUrl);
        }
    }

    /**
     * Starts telling the other nodes on this database of changes and hearing theirs ({@link PostgresInvalidations}),
     * or, on H2, which has one node, {@link io.gatepass.store.internal.cache.Invalidations#local()}. The caller closes it.
     */
    public io.gatepass.store.internal.cache.Invalidations openInvalidations() {
        return dialect == Dialect.POSTGRESQL ? PostgresInvalidations.start(new Jdbc(dataSource),
                dataSource.getJdbcUrl()) : io.gatepass.store.internal.cache.Invalidations.local();
    }

    /** The pool, for whole-store operations in this package ({@link StoreCopy}). */
    javax.sql.DataSource dataSource() {
        return dataSource;
    }

    /** What a whole-store operation holding connections for long passes, so that no compaction waits for it. */
    ConnectionGate gate() {
        return gate;
    }

    /** Where this store's writes take their turns ({@link WriteTurns}). */
    WriteTurns writes() {
        return writes;
    }

    /** The online compaction of the embedded database; null on other databases. */
    OnlineCompaction onlineCompaction() {
        return onlineCompaction;
    }

    Dialect dialect() {
        return dialect;
    }

    @Override
    public String toString() {
        return "JdbcStore[" + dialect.kind + "]";
    }
}
