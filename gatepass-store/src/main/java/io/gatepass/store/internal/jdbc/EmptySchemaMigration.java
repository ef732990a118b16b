package io.gatepass.store.internal.jdbc;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The first start of an embedded H2 store: applies the scripts in {@code db/migration} to an empty schema without
 * starting Flyway, and leaves Flyway's history table exactly as Flyway would have left it (same table, index, rows
 * and checksums; only the installation times differ), so that every later Flyway run agrees with it.
 *
 * <p>Loading Flyway takes about a quarter of a first start's time (some 420 classes and 200 generated method handle
 * forms); applying eight scripts through one connection takes a few milliseconds. Whenever anything is not as
 * expected (a table already there, a script name or placeholder Flyway would treat differently, scripts not numbered
 * 1..{@link Migrations#LATEST_VERSION}, migrations in more than one place on the class path), nothing is done and
 * Flyway migrates as before. H2 only: PostgreSQL stores are shared by nodes that start at once, which Flyway's lock
 * serializes. A crash half-way leaves what a crash half-way through Flyway's own run leaves (H2 commits every DDL
 * statement): a history table without the success row of the script that was running.
 */
final class EmptySchemaMigration {
    private static final Logger LOG = LoggerFactory.getLogger(EmptySchemaMigration.class);
    private static final String LOCATION = "db/migration";
    private static final Pattern VERSIONED = Pattern.compile("V([1-9][0-9]*)__([A-Za-z0-9_]+)\\.sql");
    private static final String NAME_COLLATION = "${name_collation}";
    private static final String TABLE = "\"" + Migrations.HISTORY_TABLE + "\"";
    /** The history table as Flyway 13 creates it on H2 (a test compares it with Flyway's, column by column). */
    private static final String CREATE_HISTORY = "CREATE TABLE " + TABLE + " ("
            + "\"installed_rank\" INT NOT NULL, "
            + "\"version\" VARCHAR(50), "
            + "\"description\" VARCHAR(200) NOT NULL, "
            + "\"type\" VARCHAR(20) NOT NULL, "
            + "\"script\" VARCHAR(1000) NOT NULL, "
            + "\"checksum\" INT, "
            + "\"installed_by\" VARCHAR(100) NOT NULL, "
            + "\"installed_on\" TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL, "
            + "\"execution_time\" INT NOT NULL, "
            + "\"success\" BOOLEAN NOT NULL, "
            + "CONSTRAINT \"" + Migrations.HISTORY_TABLE + "_pk\" PRIMARY KEY (\"installed_rank\"))";
    private static final String CREATE_SUCCESS_INDEX = "CREATE INDEX \"" + Migrations.HISTORY_TABLE + "_s_idx\" ON "
            + TABLE + " (\"success\")";
    private static final String INSERT = "INSERT INTO " + TABLE + " (\"installed_rank\", \"version\", \"description\","
            + " \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, TRUE)";

    /** One script of {@code db/migration}, read and checked before anything is written. */
    record Script(int version, String fileName, String text) {
        String description() {
            Matcher name = VERSIONED.matcher(fileName);
            return name.matches() ? name.group(2).replace('_', ' ') : fileName;
        }
    }

    private EmptySchemaMigration() {
    }

    /**
     * Brings an empty H2 schema to {@link Migrations#LATEST_VERSION}.
     *
     * @return true if it did; false if it did nothing (not H2, schema not empty, scripts not as expected): Flyway's turn
     */
    static boolean apply(DataSource dataSource, Dialect dialect) {
        if (dialect != Dialect.H2) {
            return false;
        }
        List<Script> scripts = scripts(Migrations.class.getClassLoader());
        if (scripts.isEmpty()) {
            return false;
        }
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            if (!schemaIsEmpty(connection)) {
                return false;
            }
            String installedBy = currentUser(connection);
            try (Statement statement = connection.createStatement()) {
                statement.execute(CREATE_HISTORY);
                statement.execute(CREATE_SUCCESS_INDEX);
            }
            insert(connection, -1, null, "<< Flyway Schema History table created >>", "TABLE", "", null,
                    installedBy, 0);
            for (Script script : scripts) {
                long began = System.nanoTime();
                try (Statement statement = connection.createStatement()) {
                    statement.execute(script.text().replace(NAME_COLLATION, dialect.nameCollation));
                }
                insert(connection, script.version(), String.valueOf(script.version()), script.description(), "SQL",
                        script.fileName(), checksum(script.text()), installedBy,
                        (int) ((System.nanoTime() - began) / 1_000_000));
            }
        } catch (SQLException e) {
            throw new io.gatepass.store.StoreException("Cannot create the " + dialect.kind + " store schema: "
                    + e.getMessage(), e);
        }
        LOG.info("Created the store schema at version {} ({} scripts, {} ms)", Migrations.LATEST_VERSION,
                scripts.size(), (System.nanoTime() - start) / 1_000_000);
        return true;
    }

    /**
     * The versioned scripts, in order; empty when they are not exactly V1..V{@link Migrations#LATEST_VERSION} in one
     * directory or jar, or hold a placeholder other than {@code ${name_collation}}.
     */
    static List<Script> scripts(ClassLoader loader) {
        try {
            List<URL> locations = Collections.list(loader.getResources(LOCATION));
            if (locations.size() != 1) {
                return List.of();
            }
            List<String> names = fileNames(locations.get(0));
            List<Script> scripts = new ArrayList<>();
            for (String name : names) {
                Matcher versioned = VERSIONED.matcher(name);
                if (!versioned.matches()) {
                    return List.of(); // a repeatable script, a callback, anything else: Flyway knows what to do
                }
                String text = read(loader, LOCATION + "/" + name);
                if (text == null || text.replace(NAME_COLLATION, "").contains("${")) {
                    return List.of();
                }
                scripts.add(new Script(Integer.parseInt(versioned.group(1)), name, text));
            }
            scripts.sort(Comparator.comparingInt(Script::version));
            for (int i = 0; i < scripts.size(); i++) {
                if (scripts.get(i).version() != i + 1) {
                    return List.of();
                }
            }
            if (scripts.isEmpty() || !String.valueOf(scripts.size()).equals(Migrations.LATEST_VERSION)) {
                return List.of();
            }
            return scripts;
        } catch (IOException | URISyntaxException | RuntimeException e) {
            LOG.debug("Migration scripts not listed; Flyway migrates", e);
            return List.of();
        }
    }

    /** Flyway's checksum of a script: CRC-32 over its lines in UTF-8, without line ends or a byte order mark. */
    static int checksum(String text) {
        CRC32 crc = new CRC32();
        try (BufferedReader lines = new BufferedReader(new StringReader(text))) {
            boolean first = true;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (first && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                first = false;
                crc.update(line.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return (int) crc.getValue();
    }

    private static List<String> fileNames(URL location) throws IOException, URISyntaxException {
        List<String> names = new ArrayList<>();
        switch (location.getProtocol()) {
            case "file" -> {
                try (Stream<Path> files = Files.list(Path.of(location.toURI()))) {
                    files.filter(Files::isRegularFile).forEach(file -> names.add(file.getFileName().toString()));
                }
            }
            case "jar" -> {
                JarURLConnection connection = (JarURLConnection) location.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    String prefix = connection.getEntryName() + "/";
                    Enumeration<JarEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        JarEntry entry = entries.nextElement();
                        String rest = entry.getName().startsWith(prefix)
                                ? entry.getName().substring(prefix.length()) : "";
                        if (!entry.isDirectory() && !rest.isEmpty()) {
                            if (rest.contains("/")) {
                                throw new IOException("a subdirectory in " + LOCATION); // Flyway scans those too
                            }
                            names.add(rest);
                        }
                    }
                }
            }
            default -> throw new IOException("cannot list " + location.getProtocol() + " locations");
        }
        return names;
    }

    private static String read(ClassLoader loader, String resource) throws IOException {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static boolean schemaIsEmpty(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery(
                     "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = CURRENT_SCHEMA")) {
            return count.next() && count.getLong(1) == 0;
        }
    }

    /** What Flyway records as installed_by on H2. */
    private static String currentUser(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet user = statement.executeQuery("SELECT USER()")) {
            return user.next() && user.getString(1) != null ? user.getString(1) : "";
        }
    }

    private static void insert(Connection connection, int rank, String version, String description, String type,
                               String script, Integer checksum, String installedBy, int executionMillis)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setInt(1, rank);
            insert.setString(2, version);
            insert.setString(3, description);
            insert.setString(4, type);
            insert.setString(5, script);
            if (checksum == null) {
                insert.setNull(6, java.sql.Types.INTEGER);
            } else {
                insert.setInt(6, checksum);
            }
            insert.setString(7, installedBy);
            insert.setInt(8, executionMillis);
            insert.executeUpdate();
        }
    }
}
