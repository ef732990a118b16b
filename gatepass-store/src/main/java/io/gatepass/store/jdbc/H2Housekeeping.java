package io.gatepass.store.jdbc;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the embedded H2 file within a small multiple of its live data.
 *
 * <p>The embedded store commits every write to the file before it returns ({@code WRITE_DELAY=0}), so that a killed
 * process loses nothing it acknowledged. That setting also stops H2's background writer, which is what would
 * otherwise compact the file: each commit appends a new chunk, and without compaction a burst of writes grows the
 * file by ~20 KB per write (50,000 new users made a 1.2 GB file holding 8 MB of data). This class does the
 * compaction instead, on its own thread: once a second, if anything was written since its last pass, it moves the
 * live pages together and truncates the file ({@link MVStore#compactFile}), for at most {@link #PASS_MILLIS}.
 *
 * <p>It reaches H2's store through H2's own classes, which are pinned with H2's version in the parent POM; if a
 * future H2 changes them, the store still works and logs once that it no longer compacts.
 */
final class H2Housekeeping implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(H2Housekeeping.class);
    static final long PERIOD_MILLIS = 1_000;
    /** The longest one background pass may spend moving chunks; writers wait for it. */
    static final int PASS_MILLIS = 200;
    /** What closing may spend compacting, so the file a stopped server leaves behind is as small as it gets. */
    static final int CLOSE_MILLIS = 2_000;

    private final MVStore mvStore;
    private final ScheduledExecutorService thread;
    private long versionCompacted = -1;

    private H2Housekeeping(MVStore mvStore) {
        this.mvStore = mvStore;
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "gatepass-h2-housekeeping");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::pass, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Starts compacting the H2 file database behind the pool, or returns null if it is in memory or unreachable. */
    static H2Housekeeping start(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            MVStore mvStore = ((SessionLocal) connection.unwrap(JdbcConnection.class).getSession())
                    .getDatabase().getStore().getMvStore();
            if (mvStore.getFileStore() == null || mvStore.getFileStore().getFileName() == null
                    || mvStore.getFileStore().getFileName().isEmpty()) {
                return null; // an in-memory database has no file to keep small
            }
            return new H2Housekeeping(mvStore);
        } catch (SQLException | RuntimeException | LinkageError e) {
            LOG.warn("The embedded store will not be compacted while it runs (H2's store is out of reach: {})",
                    e.toString());
            return null;
        }
    }

    /** One pass: compacts if anything was written since the last one. */
    void pass() {
        try {
            long version = mvStore.getCurrentVersion();
            if (version == versionCompacted || mvStore.isClosed()) {
                return;
            }
            mvStore.compactFile(PASS_MILLIS);
            versionCompacted = mvStore.getCurrentVersion();
        } catch (RuntimeException e) {
            if (!mvStore.isClosed()) {
                LOG.warn("Compacting the embedded store failed; trying again in {} ms: {}", PERIOD_MILLIS,
                        e.toString());
            }
        }
    }

    /** Stops the background passes and compacts once more; call before the pool closes the database. */
    @Override
    public void close() {
        thread.shutdownNow();
        try {
            if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("The embedded store's housekeeping did not stop within 5 s");
            }
            if (!mvStore.isClosed()) {
                mvStore.compactFile(CLOSE_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("Compacting the embedded store on close failed: {}", e.toString());
        }
    }
}
