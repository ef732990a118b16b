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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

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
     * <p>Neither command runs while another session of the database is being closed on another thread (the pool closes
     * the connections a pause evicted on a thread of its own). H2 counts such a session closed from the start of its
     * close but removes it from the database only at the end; a {@code SHUTDOWN} in between neither waits for it nor
     * closes the database, which the other thread then closes later, and a {@code SHUTDOWN COMPACT} on a fresh
     * connection joins that same open database and returns at once without compacting anything. So each command waits
     * first, running {@code whileWaiting} (which may close such connections) every few milliseconds: the
     * {@code SHUTDOWN} until no other session is being closed, the {@code SHUTDOWN COMPACT} until its session is the
     * only one, so that H2 closes and compacts the database on this thread, before this returns.
     *
     * @param waitMillis the longest both waits together may take
     * @throws SQLException if it could not be closed or compacted (the file is then as it was, or closed cleanly),
     *                      also if another session did not end within {@code waitMillis}
     */
    static void closeAndCompact(String jdbcUrl, long waitMillis, Runnable whileWaiting, Runnable closed)
            throws SQLException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        shutdown(jdbcUrl, "SHUTDOWN", CLOSING_SESSIONS, deadline, waitMillis, whileWaiting);
        closed.run();
        shutdown(jdbcUrl, "SHUTDOWN COMPACT", OTHER_SESSIONS, deadline, waitMillis, whileWaiting);
    }

    /** Other sessions of the database that are being closed (H2 says CLOSED until it removed them). */
    private static final String CLOSING_SESSIONS = "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS"
            + " WHERE SESSION_ID <> SESSION_ID() AND SESSION_STATE = 'CLOSED'";
    /** Every other session of the database. */
    private static final String OTHER_SESSIONS = "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS"
            + " WHERE SESSION_ID <> SESSION_ID()";

    private static void shutdown(String jdbcUrl, String command, String othersQuery, long deadline, long waitMillis,
                                 Runnable whileWaiting) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             Statement statement = connection.createStatement()) {
            long started = System.nanoTime();
            int first = count(statement, othersQuery);
            for (int others = first; others > 0; others = count(statement, othersQuery)) {
                if (System.nanoTime() - deadline > 0) {
                    throw new SQLException("Before " + command + ": " + others + " other session(s) of the database"
                            + " did not end within " + waitMillis + " ms", "HYT00");
                }
                whileWaiting.run();
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
            }
            if (first > 0) {
                LOG.debug("Waited {} ms for {} other session(s) to end before {}",
                        (System.nanoTime() - started) / 1_000_000, first, command);
            }
            statement.execute(command);
        }
    }

    private static int count(Statement statement, String query) throws SQLException {
        try (ResultSet row = statement.executeQuery(query)) {
            return row.next() ? row.getInt(1) : 0;
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
