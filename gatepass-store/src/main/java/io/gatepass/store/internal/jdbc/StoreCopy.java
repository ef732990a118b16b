package io.gatepass.store.internal.jdbc;

import io.gatepass.store.BlobStore;
import io.gatepass.store.Store;
import io.gatepass.store.StoreException;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Copies everything one store holds into another, empty one, across databases: the embedded H2 store of a laptop into
 * a PostgreSQL cluster, or back. Both stores are migrated to the same schema version first (opening them does that).
 *
 * <p>Tables are found in the database's own catalogue and copied parents first (by their foreign keys), so a table
 * added by a later migration is copied without changes here. The source is read in one repeatable-read transaction
 * (a consistent snapshot, even while nodes write to a PostgreSQL source); the target is written in one transaction,
 * so a failed copy leaves it empty. Identity columns keep their values and the target's identity generators continue
 * after them. Package bytes go through the two {@link BlobStore}s (files under a data directory, or chunks in
 * PostgreSQL), before the tables that name them commit.
 */
public final class StoreCopy {
    /**
     * Flyway's own bookkeeping; the blob tables, whose contents move through the blob stores; and the pins of uploads
     * in flight, which belong to the source's running nodes.
     */
    private static final Set<String> NOT_COPIED = Set.of("gatepass_schema_history", "package_blobs",
            "package_blob_chunks", "package_blob_pins");
    private static final int BATCH = 500;

    private StoreCopy() {
    }

    /** What was copied: rows per table (parents first), and the package blobs. */
    public record Report(Map<String, Long> rows, long blobs, long blobBytes) {
        public long totalRows() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Copies {@code from} into {@code to}.
     *
     * @throws IllegalStateException if {@code to} already holds an account (copy only into an empty store)
     * @throws StoreException        if either database fails; {@code to} is then left as it was
     */
    public static Report copy(Store from, BlobStore fromBlobs, Store to, BlobStore toBlobs) {
        JdbcStore source = (JdbcStore) from;
        JdbcStore target = (JdbcStore) to;
        if (to.accounts().findBootstrap().isPresent()) {
            throw new IllegalStateException("The target store is not empty (it has an account): copy only into a new,"
                    + " empty store");
        }
        try {
            source.gate().enter();
            try {
                target.gate().enter();
            } catch (SQLException e) {
                source.gate().exit();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot copy the store (SQLState " + e.getSQLState() + "): " + e.getMessage(), e);
        }
        try {
            return copyHolding(source, fromBlobs, target, toBlobs);
        } finally {
            target.gate().exit();
            source.gate().exit();
        }
    }

    /** {@link #copy} with both stores' gates passed: neither store's compaction pauses in the middle of the copy. */
    private static Report copyHolding(JdbcStore source, BlobStore fromBlobs, JdbcStore target, BlobStore toBlobs) {
        try (Connection in = source.dataSource().getConnection();
             Connection out = target.dataSource().getConnection()) {
            in.setAutoCommit(false);
            in.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            in.setReadOnly(true);
            out.setAutoCommit(false);
            try {
                List<String> tables = tablesParentsFirst(in);
                CopiedBlobs blobs = copyBlobs(in, tables, fromBlobs, toBlobs);
                Map<String, Long> rows = new LinkedHashMap<>();
                for (String table : tables) {
                    rows.put(table, copyTable(in, out, table, target.dialect()));
                }
                out.commit();
                in.commit();
                return new Report(rows, blobs.count(), blobs.bytes());
            } catch (SQLException | RuntimeException e) {
                out.rollback();
                in.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot copy the store (SQLState " + e.getSQLState() + "): " + e.getMessage(), e);
        }
    }

    /** The tables of the store's schema, each after every table its foreign keys refer to. */
    static List<String> tablesParentsFirst(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String schema = connection.getSchema();
        Map<String, Set<String>> parents = new TreeMap<>();
        try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String table = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!NOT_COPIED.contains(table)) {
                    parents.put(table, new LinkedHashSet<>());
                }
            }
        }
        for (String table : parents.keySet()) {
            String exact = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
            try (ResultSet rs = meta.getImportedKeys(null, schema, exact)) {
                while (rs.next()) {
                    String parent = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!parent.equals(table) && parents.containsKey(parent)) {
                        parents.get(table).add(parent);
                    }
                }
            }
        }
        List<String> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (ordered.size() < parents.size()) {
            boolean progress = false;
            for (var entry : parents.entrySet()) {
                if (!placed.contains(entry.getKey()) && placed.containsAll(entry.getValue())) {
                    ordered.add(entry.getKey());
                    placed.add(entry.getKey());
                    progress = true;
                }
            }
            if (!progress) {
                throw new StoreException("The store's tables refer to each other in a cycle; cannot order the copy",
                        null);
            }
        }
        return ordered;
    }

    /**
     * The table's name as the catalogue spells it (H2 keeps unquoted names in upper case, PostgreSQL in lower case),
     * as a pattern: metadata lookups take patterns, in which {@code _} matches any character.
     */
    private static String catalogName(DatabaseMetaData meta, String table) throws SQLException {
        String name = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
        String escape = meta.getSearchStringEscape();
        return escape == null || escape.isEmpty() ? name : name.replace("_", escape + "_").replace("%", escape + "%");
    }

    private static long copyTable(Connection in, Connection out, String table, Dialect targetDialect)
            throws SQLException {
        List<String> columns = new ArrayList<>();
        Set<String> identities = new LinkedHashSet<>();
        try (ResultSet rs = in.getMetaData().getColumns(null, in.getSchema(), catalogName(in.getMetaData(), table),
                "%")) {
            while (rs.next()) {
                String column = rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
                columns.add(column);
                if ("YES".equals(rs.getString("IS_AUTOINCREMENT"))) {
                    identities.add(column);
                }
            }
        }
        if (columns.isEmpty()) {
            throw new StoreException("Cannot read the columns of table " + table, null);
        }
        String columnList = String.join(", ", columns);
        String insert = "INSERT INTO " + table + " (" + columnList + ")"
                + (identities.isEmpty() ? "" : " OVERRIDING SYSTEM VALUE")
                + " VALUES (" + "?, ".repeat(columns.size() - 1) + "?)";
        long count = 0;
        try (Statement select = in.createStatement();
             PreparedStatement write = out.prepareStatement(insert)) {
            select.setFetchSize(BATCH);
            try (ResultSet rows = select.executeQuery("SELECT " + columnList + " FROM " + table)) {
                while (rows.next()) {
                    for (int i = 1; i <= columns.size(); i++) {
                        write.setObject(i, rows.getObject(i));
                    }
                    write.addBatch();
                    if (++count % BATCH == 0) {
                        write.executeBatch();
                    }
                }
            }
            write.executeBatch();
        }
        for (String identity : identities) {
            continueIdentity(out, table, identity, targetDialect);
        }
        return count;
    }

    /** The target's generator for {@code column} continues after the largest value copied. */
    private static void continueIdentity(Connection out, String table, String column, Dialect dialect)
            throws SQLException {
        long next;
        try (Statement s = out.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(" + column + "), 0) + 1 FROM " + table)) {
            rs.next();
            next = rs.getLong(1);
        }
        try (Statement s = out.createStatement()) {
            s.execute("ALTER TABLE " + table + " ALTER COLUMN " + column + " RESTART WITH " + next);
        }
    }

    private record CopiedBlobs(long count, long bytes) {
    }

    /** Copies every blob an asset of the source names. */
    private static CopiedBlobs copyBlobs(Connection in, List<String> tables, BlobStore fromBlobs, BlobStore toBlobs)
            throws SQLException {
        long count = 0;
        long bytes = 0;
        if (!tables.contains("codeartifact_package_assets")) {
            return new CopiedBlobs(0, 0);
        }
        try (Statement s = in.createStatement();
             ResultSet keys = s.executeQuery("SELECT DISTINCT blob_key FROM codeartifact_package_assets")) {
            while (keys.next()) {
                String key = keys.getString(1);
                try (InputStream content = fromBlobs.open(key).orElseThrow(() -> new StoreException(
                        "The source store names package bytes it does not hold (blob " + key + ")", null))) {
                    BlobStore.StoredBlob stored = toBlobs.put(content);
                    if (!stored.key().equals(key)) {
                        throw new StoreException("Blob " + key + " read back with another SHA-256: the source is"
                                + " damaged", null);
                    }
                    count++;
                    bytes += stored.size();
                } catch (java.io.IOException e) {
                    throw new StoreException("Cannot read blob " + key + " from the source", e);
                }
            }
        }
        return new CopiedBlobs(count, bytes);
    }
}
