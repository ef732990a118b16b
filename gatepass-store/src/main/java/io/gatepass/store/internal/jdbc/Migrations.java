package io.gatepass.store.internal.jdbc;

import io.gatepass.store.StoreException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Brings the schema up to date with the Flyway migrations in {@code classpath:db/migration}.
 *
 * <p>Fast path: when Flyway's history already ends in a successful {@link #LATEST_VERSION}, Flyway is not started at
 * all. Loading and running Flyway costs about 300 ms in a fresh JVM (about 390 classes) even when nothing is pending,
 * a third of the server's start-up budget. The price is that an edited, already applied script is only noticed at
 * the next real migration; never edit an applied script.
 */
final class Migrations {
    /** The version of the newest script in db/migration. Bump it with every new script (a test checks). */
    static final String LATEST_VERSION = "11";
    /** Flyway's history table, named for us so that it cannot clash with another application's in a shared schema. */
    static final String HISTORY_TABLE = "gatepass_schema_history";

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    private static final String LAST_APPLIED = "SELECT \"version\", \"success\" FROM \"" + HISTORY_TABLE + "\""
            + " ORDER BY \"installed_rank\" DESC LIMIT 1";

    private Migrations() {
    }

    static void migrate(DataSource dataSource, Dialect dialect) {
        if (isUpToDate(dataSource)) {
            LOG.debug("Schema is at version {}; no migration needed", LATEST_VERSION);
            return;
        }
        if (EmptySchemaMigration.apply(dataSource, dialect)) { // the first start of an embedded store, without Flyway
            return;
        }
        try {
            Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .table(HISTORY_TABLE)
                    .placeholders(Map.of("name_collation", dialect.nameCollation))
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StoreException("Cannot migrate the " + dialect.kind + " store schema: " + e.getMessage(), e);
        }
    }

    /** False when in doubt (no history table yet, a failed last migration, another version): Flyway decides. */
    private static boolean isUpToDate(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet last = statement.executeQuery(LAST_APPLIED)) {
            return last.next() && LATEST_VERSION.equals(last.getString(1)) && last.getBoolean(2);
        } catch (SQLException noHistoryYet) {
            return false;
        }
    }
}
