package io.gatepass.store.internal.jdbc;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link EmbeddedCompaction#closeAndCompact} closes and compacts the database on the calling thread even when another
 * session of it is being closed on another thread, as the pool closes the connections a pause evicted. H2 counts such a
 * session closed (its state) from the start of its close, but removes it from the database only at the end: a
 * {@code SHUTDOWN} in between neither waits for it nor closes the database, and {@code SHUTDOWN COMPACT} on a fresh
 * connection then joins the same open database and returns at once, uncompacted (the "64 MB to 64 MB in 3 ms" pause of
 * a loaded CI run). The test widens that window to a long rollback: the closing session has a large uncommitted insert.
 */
class EmbeddedCompactionTest {
    private static final int KEPT_ROWS = 10;

    @Test
    void closeAndCompact_whenAnotherSessionIsStillClosing_compactsBeforeItReturns_andKeepsTheRows(@TempDir Path dir)
            throws Exception {
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE";
        Path file = dir.toAbsolutePath().resolve("db" + EmbeddedCompaction.FILE_SUFFIX);
        Connection closing = DriverManager.getConnection(url);
        try (Statement statement = closing.createStatement()) {
            statement.execute("CREATE TABLE kept(id INT PRIMARY KEY, v VARCHAR)");
            statement.execute("CREATE TABLE undone(id INT PRIMARY KEY, v VARCHAR)");
            for (int i = 0; i < 3_000; i++) { // one chunk per commit, almost all of it dead
                statement.executeUpdate("MERGE INTO kept VALUES (" + i % KEPT_ROWS + ", REPEAT('x', 2000))");
            }
            closing.setAutoCommit(false);
            statement.executeUpdate("INSERT INTO undone SELECT X, REPEAT('y', 200) FROM SYSTEM_RANGE(1, 100000)");
        }
        long grown = Files.size(file);
        SessionLocal session = (SessionLocal) ((JdbcConnection) closing).getSession();

        // what the pool's closer thread does to an evicted connection: the session's close, here with a long rollback
        CompletableFuture<Void> closer = CompletableFuture.runAsync(session::close,
                task -> new Thread(task, "closer").start());
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!session.isClosed() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(50));
        }
        assertThat(session.isClosed()).as("the other session's close began").isTrue();

        EmbeddedCompaction.closeAndCompact(url, TimeUnit.MINUTES.toMillis(1), () -> {
        }, () -> {
        });
        long returned = Files.size(file);
        closer.get(1, TimeUnit.MINUTES);

        assertThat(returned).as("file when the compaction returned (was %d)", grown).isLessThan(grown / 4);
        try (Connection reopened = DriverManager.getConnection(url);
             Statement statement = reopened.createStatement()) {
            assertThat(count(statement, "kept")).isEqualTo(KEPT_ROWS);
            assertThat(count(statement, "undone")).as("rows never committed").isZero();
        }
    }

    private static int count(Statement statement, String table) throws SQLException {
        try (ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            row.next();
            return row.getInt(1);
        }
    }
}
