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
 * Keeps an H2 file database near the size of its live data while the store runs.
 *
 * <p>Why the file grows: the embedded store commits every write to the file before it returns ({@code WRITE_DELAY=0},
 * so that {@code kill -9} loses nothing acknowledged). H2 then writes one chunk per commit, about 20 KB for a new IAM
 * user (the changed leaf pages of the table and its indexes, the pages above them, and the chunk metadata), and the
 * chunk that held the previous copy of those pages keeps the few pages that did not change. With that setting H2 runs
 * no background thread, so nothing ever rewrites those mostly dead chunks: the file grew by ~20 KB a write without
 * bound. (The other part, dead chunks kept 45 s, is the retention time the store's URL sets to 1 s.)
 *
 * <p>What this does: every {@link #PERIOD_MILLIS}, if anything was written, it asks H2 to rewrite the live pages of
 * its sparsest chunks into the next chunk ({@link MVStore#compact(int, int)}, the step H2's own background writer
 * takes in its default mode). The old chunks then hold nothing live and their space is reused. It never moves chunks
 * or truncates the file behind the writers' back ({@code MVStore.compactFile}, which lost acknowledged writes in the
 * kill -9 test); the file shrinks when its tail is free, as part of H2's ordinary writes, and fully at stop and start
 * ({@link EmbeddedCompaction}).
 *
 * <p>It reaches H2's store through H2's own classes, pinned with H2's version in the parent POM; if a future H2
 * changes them, the store still works and logs once that it does not compact while running.
 */
final class H2Housekeeping implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(H2Housekeeping.class);
    static final long PERIOD_MILLIS = 250;
    /** Rewrite chunks while less than this share of the chunks' bytes is live. */
    static final int TARGET_FILL_RATE = 90;
    /** The most live bytes one pass copies into the next chunk; writers wait for the store lock meanwhile. */
    static final int PASS_BYTES = 16 * 1024 * 1024;

    private final MVStore mvStore;
    private final ScheduledExecutorService thread;
    private long versionCompacted = -1;
    private boolean rewrote;

    private H2Housekeeping(MVStore mvStore) {
        this.mvStore = mvStore;
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "gatepass-h2-housekeeping");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::pass, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Starts housekeeping of the H2 file database behind the pool; null if it is in memory or out of reach. */
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
            LOG.warn("The embedded store's file will not be compacted while it runs (H2's store is out of reach: {})",
                    e.toString());
            return null;
        }
    }

    /**
     * One pass: rewrites the sparsest chunks if anything was written since the last pass, or if the last pass
     * rewrote some (so that an idle store goes on until nothing sparse is left).
     */
    void pass() {
        try {
            long version = mvStore.getCurrentVersion();
            if (version == versionCompacted && !rewrote || mvStore.isClosed()) {
                return;
            }
            rewrote = mvStore.compact(TARGET_FILL_RATE, PASS_BYTES);
            versionCompacted = mvStore.getCurrentVersion();
        } catch (RuntimeException e) {
            if (!mvStore.isClosed()) {
                LOG.warn("Compacting the embedded store failed; trying again in {} ms: {}", PERIOD_MILLIS,
                        e.toString());
            }
        }
    }

    /**
     * Stops the passes and waits for one under way (never interrupting it: an interrupted file operation would close
     * H2's file); call before the pool closes the database.
     */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("The embedded store's housekeeping did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
