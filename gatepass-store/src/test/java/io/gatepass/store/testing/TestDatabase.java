package io.gatepass.store.testing;

import io.gatepass.store.AccessKeyStore;
import io.gatepass.store.AccountStore;
import io.gatepass.store.ComputeStore;
import io.gatepass.store.DomainPolicyStore;
import io.gatepass.store.DomainStore;
import io.gatepass.store.FleetStore;
import io.gatepass.store.InlinePolicyStore;
import io.gatepass.store.LocationStore;
import io.gatepass.store.RepositoryStore;
import io.gatepass.store.RoleStore;
import io.gatepass.store.SessionStore;
import io.gatepass.store.Store;
import io.gatepass.store.Stores;
import io.gatepass.store.TokenKeyStore;
import io.gatepass.store.UserStore;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The databases the store tests run against, each handing out fresh, isolated stores. Use it as
 * <pre>{@code
 * @ParameterizedTest
 * @MethodSource("io.gatepass.store.testing.TestDatabase#all")
 * void create_whenNew_findReturnsIt(TestDatabase db) {
 *     try (Store store = db.open()) { ... }
 * }
 * }</pre>
 *
 * <p>H2 is an in-memory database with a unique name per call. PostgreSQL is the server at the URL in the environment
 * variable {@value #PG_URL_ENV} (default {@value #DEFAULT_PG_URL}); every call gets its own new schema
 * {@code gp_test_<random>} (selected with {@code currentSchema=}), dropped when the store is closed, or at JVM exit for
 * URLs from {@link #freshUrl()}. When PostgreSQL cannot be reached its cases are skipped (JUnit assumption) — unless
 * the environment has {@code CI=true}, where they fail.
 */
public enum TestDatabase {
    H2("h2") {
        @Override
        public String freshUrl() {
            return "jdbc:h2:mem:gp_test_" + randomSuffix();
        }
    },
    POSTGRESQL("postgresql") {
        @Override
        public String freshUrl() {
            return Postgres.urlFor(Postgres.createSchema());
        }

        @Override
        public Store open() {
            String schema = Postgres.createSchema();
            try {
                return new SchemaDroppingStore(Stores.open(Postgres.urlFor(schema), null), schema);
            } catch (RuntimeException e) {
                Postgres.dropSchema(schema);
                throw e;
            }
        }
    };

    /** Environment variable with the JDBC URL of the PostgreSQL server to test against. */
    public static final String PG_URL_ENV = "GATEPASS_TEST_PG_URL";
    public static final String DEFAULT_PG_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private final String kind;

    TestDatabase(String kind) {
        this.kind = kind;
    }

    /** Every database, for {@code @MethodSource}. Unavailable ones skip (or, on CI, fail) in {@link #open()}. */
    public static Stream<TestDatabase> all() {
        return Stream.of(values());
    }

    /** What {@link Store#kind()} answers for this database. */
    public String kind() {
        return kind;
    }

    /**
     * A JDBC URL for {@link Stores#open} naming a new, empty database nobody else uses. An H2 in-memory database
     * disappears when its last connection closes; a PostgreSQL schema is dropped at JVM exit.
     */
    public abstract String freshUrl();

    /** A migrated store on a new, empty database nobody else uses; closing it also discards the data. */
    public Store open() {
        return Stores.open(freshUrl(), null);
    }

    private static String randomSuffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /** The shared PostgreSQL server: one reachability check per JVM, one schema per fresh database. */
    private static final class Postgres {
        private static final String BASE_URL = baseUrl();
        private static final Set<String> LIVE_SCHEMAS = ConcurrentHashMap.newKeySet();
        private static final String UNREACHABLE = checkReachable();

        static {
            if (UNREACHABLE == null) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE_SCHEMAS.forEach(Postgres::dropSchema),
                        "gatepass-test-schema-cleanup"));
            }
        }

        private static String baseUrl() {
            String url = System.getenv(PG_URL_ENV);
            return url == null || url.isBlank() ? DEFAULT_PG_URL : url.strip();
        }

        static String urlFor(String schema) {
            return BASE_URL + (BASE_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        }

        static String createSchema() {
            requireReachable();
            String schema = "gp_test_" + randomSuffix();
            execute("CREATE SCHEMA " + schema);
            LIVE_SCHEMAS.add(schema);
            return schema;
        }

        static void dropSchema(String schema) {
            execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            LIVE_SCHEMAS.remove(schema);
        }

        private static void requireReachable() {
            if (UNREACHABLE == null) {
                return;
            }
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(UNREACHABLE + " CI=true, so this fails instead of being skipped.");
            }
            Assumptions.abort(UNREACHABLE + " Skipping the PostgreSQL case; set " + PG_URL_ENV + " to test it.");
        }

        /** Null when a connection succeeds, else why not. */
        private static String checkReachable() {
            try (Connection ignored = connect()) {
                return null;
            } catch (SQLException e) {
                return "PostgreSQL is not reachable at " + redact(BASE_URL) + " (" + e.getMessage() + ").";
            }
        }

        private static void execute(String sql) {
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("Test database setup failed on " + redact(BASE_URL) + ": " + sql, e);
            }
        }

        private static Connection connect() throws SQLException {
            Properties timeouts = new Properties();
            timeouts.setProperty("connectTimeout", "5");
            timeouts.setProperty("loginTimeout", "10");
            return DriverManager.getConnection(BASE_URL, timeouts);
        }

        private static String redact(String url) {
            return url.replaceAll("(?i)([?&]password=)[^&]*", "$1***");
        }
    }

    /** Forwards to the store, then drops the schema it lived in. */
    private static final class SchemaDroppingStore implements Store {
        private final Store delegate;
        private final String schema;

        SchemaDroppingStore(Store delegate, String schema) {
            this.delegate = delegate;
            this.schema = schema;
        }

        @Override
        public AccountStore accounts() {
            return delegate.accounts();
        }

        @Override
        public UserStore users() {
            return delegate.users();
        }

        @Override
        public RoleStore roles() {
            return delegate.roles();
        }

        @Override
        public AccessKeyStore accessKeys() {
            return delegate.accessKeys();
        }

        @Override
        public SessionStore sessions() {
            return delegate.sessions();
        }

        @Override
        public InlinePolicyStore policies() {
            return delegate.policies();
        }

        @Override
        public LocationStore locations() {
            return delegate.locations();
        }

        @Override
        public FleetStore fleets() {
            return delegate.fleets();
        }

        @Override
        public ComputeStore computes() {
            return delegate.computes();
        }

        @Override
        public TokenKeyStore tokenKeys() {
            return delegate.tokenKeys();
        }

        @Override
        public DomainStore domains() {
            return delegate.domains();
        }

        @Override
        public RepositoryStore repositories() {
            return delegate.repositories();
        }

        @Override
        public DomainPolicyStore domainPolicies() {
            return delegate.domainPolicies();
        }

        @Override
        public io.gatepass.store.RepositoryPolicyStore repositoryPolicies() {
            return delegate.repositoryPolicies();
        }

        @Override
        public io.gatepass.store.PackageStore packages() {
            return delegate.packages();
        }

        @Override
        public io.gatepass.store.BlobStore databaseBlobs() {
            return delegate.databaseBlobs();
        }

        @Override
        public boolean isHealthy() {
            return delegate.isHealthy();
        }

        @Override
        public String kind() {
            return delegate.kind();
        }

        @Override
        public void close() {
            try {
                delegate.close();
            } finally {
                Postgres.dropSchema(schema);
            }
        }

        @Override
        public String toString() {
            return delegate + " in schema " + schema;
        }
    }
}
