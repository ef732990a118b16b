package io.gatepass.store.internal.jdbc;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Shrinks an H2 file database to its live data after the store closed cleanly (its pool closed the database). H2's
 * {@code SHUTDOWN COMPACT} copies the live pages into a new file and renames it over the old one; a process killed in
 * the middle leaves the old file, which H2 keeps on the next open. A file of at most {@link #SMALL_BYTES} is left
 * alone without being opened; a larger one is compacted only when less than {@link #LIVE_PERCENT}% of it is live.
 */
public final class EmbeddedCompaction {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedCompaction.class);
    /** H2's suffix of the database file. */
    public static final String FILE_SUFFIX = ".mv.db";
    static final long SMALL_BYTES = 4L * 1024 * 1024;
    static final int LIVE_PERCENT = 50;

    private EmbeddedCompaction() {
    }

    /**
     * Compacts the database at {@code jdbcUrl} (whose file is {@code file}) if it is large and mostly dead; returns
     * whether it did. Never fails the caller: a database it cannot open or compact is left as it is, with a warning.
     */
    public static boolean compactIfSparse(Path file, String jdbcUrl) {
        long before;
        try {
            if (!Files.exists(file) || (before = Files.size(file)) <= SMALL_BYTES) {
                return false;
            }
        } catch (IOException e) {
            return false;
        }
        long started = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             Statement statement = connection.createStatement()) {
            long live = liveBytes(statement, before);
            if (live * 100 >= before * LIVE_PERCENT) {
                return false;
            }
            statement.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            LOG.warn("Could not compact the embedded store {}: {}", file, e.getMessage());
            return false;
        }
        long after = sizeOr(file, -1);
        LOG.info("Compacted the embedded store from {} MB to {} MB in {} ms", before >> 20, after >> 20,
                (System.nanoTime() - started) / 1_000_000);
        return true;
    }

    /**
     * Closes the database at {@code jdbcUrl} cleanly and compacts it, whatever its size: {@code SHUTDOWN} on a fresh
     * connection (which either opens the file or joins the database still open in this process and closes it, every
     * commit written), then {@code SHUTDOWN COMPACT} on another, which opens the file this process just closed and
     * copies its live data into a new file renamed over it; {@code closed} runs in between. For a database only this
     * thread uses (see {@link OnlineCompaction}).
     *
     * @throws SQLException if it could not be closed or compacted (the file is then as it was, or closed cleanly)
     */
    static void closeAndCompact(String jdbcUrl, Runnable closed) throws SQLException {
        execute(jdbcUrl, "SHUTDOWN");
        closed.run();
        execute(jdbcUrl, "SHUTDOWN COMPACT");
    }

    private static void execute(String jdbcUrl, String command) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             Statement statement = connection.createStatement()) {
            statement.execute(command);
        }
    }

    /** The live bytes H2 reports: the file's fill rate times the chunks' fill rate. */
    private static long liveBytes(Statement statement, long fileSize) throws SQLException {
        int fileFill = 100;
        int chunksFill = 100;
        try (ResultSet row = statement.executeQuery("SELECT SETTING_NAME, SETTING_VALUE"
                + " FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME IN ('info.FILL_RATE', 'info.CHUNKS_FILL_RATE')")) {
            while (row.next()) {
                int value = Integer.parseInt(row.getString(2).strip());
                if (row.getString(1).equals("info.FILL_RATE")) {
                    fileFill = value;
                } else {
                    chunksFill = value;
                }
            }
        }
        return fileSize * fileFill / 100 * chunksFill / 100;
    }

    static long sizeOr(Path file, long otherwise) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return otherwise;
        }
    }
}
