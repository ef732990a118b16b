package io.gatepass.store.internal.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Keeps the embedded H2 file within a few times its live data while writes arrive (issue 13). H2 appends every
 * commit to the file (~20 KB for a new user) and reuses the space only much later, so a storm of writes grows the file
 * by gigabytes. Every {@value #CHECK_MILLIS} ms this looks at the file's size; once it is over
 * {@code max(floor, 4 x the size the last compaction left it at)} ({@link CompactionSchedule}) it pauses the store
 * briefly and does what a graceful stop does, which a kill -9 at any point cannot harm:
 * <ol>
 *   <li>new requests wait for a connection ({@link ConnectionGate}, and the pool suspended so that it opens none);
 *   the ones in flight finish (at most {@value #DRAIN_MILLIS} ms by default, else the pause is given up and tried again
 *   later, see below);</li>
 *   <li>the pool closes its connections, then {@code SHUTDOWN} on a fresh connection closes the database cleanly
 *   (the pool closes evicted connections asynchronously, so its count reaching 0 does not mean H2 closed the database:
 *   that {@code SHUTDOWN} does, and also ends a session the pool may still be adding; do not remove it; it waits
 *   for the sessions the pool is still closing, see {@link EmbeddedCompaction#closeAndCompact});</li>
 *   <li>{@code SHUTDOWN COMPACT} on a fresh connection copies the live data into a new file renamed over the old one
 *   (a kill in the middle leaves the old file, whole);</li>
 *   <li>the pool resumes, reopens the database and the waiting requests go on.</li>
 * </ol>
 * The next threshold follows the file's size after the pause only if the pause replaced the file (H2 renames the
 * compacted copy over it). A pause that did not (given up, failed, or H2 returned with the file as it was) keeps the
 * threshold and is tried again after a backoff or once the file has doubled ({@link CompactionSchedule}): a pause that
 * left a 64 MB file as it was once set the next threshold to 256 MB, as if all of it were live.
 * It never compacts a database H2 is recovering: it starts after the store opened (and recovered) and compacts only
 * after closing the database itself. Lowering H2's retention time or rewriting chunks while writes arrive (what H2
 * offers online) lost acknowledged writes on kill -9 (docs/operations.md).
 */
public final class OnlineCompaction implements AutoCloseable {
    /** What one pause did: the file's size before and after, how long requests were held, and how many waited. */
    public record Pause(long beforeBytes, long afterBytes, long pausedMillis, int requestsWaited) {
    }

    /** Told of each pause, on the compacting thread. */
    public interface Listener {
        /** Nothing is in flight and new requests wait; the database is about to be closed and compacted. */
        default void paused() {
        }

        /**
         * The database is closed, every commit in its file of {@code bytes}, and is about to be compacted (the
         * largest the file got before this pause, a write or two more than what the pause began with).
         */
        default void closed(long bytes) {
        }

        /** The pause is over. */
        default void resumed(Pause pause) {
        }
    }

    /**
     * @param floorBytes  the file is never compacted while it is at most this large
     * @param drainMillis how long a pause waits for the requests in flight to finish before it gives up
     * @param listener    told of each pause (tests)
     */
    public record Settings(long floorBytes, long drainMillis, Listener listener) {
        /** What the server uses: 64 MB, no listener. */
        public static final Settings DEFAULT = new Settings(64L << 20, new Listener() {
        });

        /** With the drain time the server uses, {@value OnlineCompaction#DRAIN_MILLIS} ms. */
        public Settings(long floorBytes, Listener listener) {
            this(floorBytes, DRAIN_MILLIS, listener);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(OnlineCompaction.class);
    static final long CHECK_MILLIS = 250;
    static final long DRAIN_MILLIS = 2_000;
    private static final long CLOSE_MILLIS = 2_000;

    private final HikariDataSource pool;
    private final ConnectionGate gate;
    private final EmbeddedOpenings openings;
    private final Path file;
    private final String jdbcUrl;
    private final Settings settings;
    private final Compactor compactor;
    private final ScheduledExecutorService timer;
    /** A request found the file grown and held the gate shut; the compacting thread is to pause and compact. */
    private final java.util.concurrent.atomic.AtomicBoolean held = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile CompactionSchedule schedule;

    /** Closes the database and compacts its file: {@link EmbeddedCompaction#closeAndCompact} (tests pass others). */
    @FunctionalInterface
    interface Compactor {
        void closeAndCompact(String jdbcUrl, long waitMillis, Runnable whileWaiting, Runnable closed)
                throws SQLException;
    }

    private OnlineCompaction(HikariDataSource pool, ConnectionGate gate, EmbeddedOpenings openings, Path file,
                             String jdbcUrl, Settings settings, Compactor compactor) {
        this.pool = pool;
        this.gate = gate;
        this.openings = openings;
        this.file = file;
        this.jdbcUrl = jdbcUrl;
        this.settings = settings;
        this.compactor = compactor;
        this.schedule = CompactionSchedule.start(settings.floorBytes(), System.nanoTime());
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "gatepass-store-compaction");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts watching {@code file}; the pool must allow suspension and open its connections through {@code openings}.
     * Call once the store has opened.
     */
    static OnlineCompaction start(HikariDataSource pool, ConnectionGate gate, EmbeddedOpenings openings, Path file,
                                  String jdbcUrl, Settings settings, Compactor compactor) {
        OnlineCompaction compaction = new OnlineCompaction(pool, gate, openings, file, jdbcUrl, settings, compactor);
        compaction.timer.scheduleWithFixedDelay(compaction::check, CHECK_MILLIS, CHECK_MILLIS, TimeUnit.MILLISECONDS);
        gate.onReturns(compaction::checkAfterRequests);
        gate.discardWhen(compaction::discarded);
        return compaction;
    }

    private boolean due() {
        try {
            return schedule.due(System.nanoTime(), Files.size(file));
        } catch (IOException e) {
            return false; // no file (yet): nothing to compact
        }
    }

    /**
     * On a request's thread, every few requests: if the file has grown past the threshold, holds new requests back at
     * once and has the compacting thread pause the store. A storm thus overshoots the threshold by a few writes, not
     * by what it writes until the timer's next look (seconds on a loaded machine).
     */
    private void checkAfterRequests() {
        if (due() && gate.hold()) {
            held.set(true);
            try {
                timer.execute(this::check);
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                gate.resume();
            }
        }
    }

    private void check() {
        try {
            boolean wasHeld = held.getAndSet(false);
            if (due()) { // again: the file may have been compacted since a request held the gate
                compactNow();
            } else if (wasHeld) {
                gate.resume();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("Could not compact the embedded store: {}", e.toString());
        }
    }

    /**
     * Pauses the store, compacts the file and resumes; empty if the file was not compacted (a connection stayed in use
     * too long, H2 failed, or H2 left the file as it was): the threshold is then kept and the next try is later
     * ({@link CompactionSchedule}).
     */
    synchronized Optional<Pause> compactNow() throws InterruptedException {
        FileState before = FileState.of(file);
        long started = System.nanoTime();
        String failure = "interrupted";
        FileState after = before;
        int waited;
        try {
            failure = gate.pause(settings.drainMillis(), TimeUnit.MILLISECONDS) ? closeAndCompact()
                    : "a request held its connection for over " + settings.drainMillis() + " ms";
            if (failure == null) {
                after = FileState.of(file);
                if (!after.replaced(before)) {
                    failure = "H2 did not replace the file with a compacted copy (" + (before.bytes() >> 20)
                            + " MB before, " + (after.bytes() >> 20) + " MB after)";
                }
            }
        } finally {
            // before the requests go on: the ones released check the file at once, and must see the new bound; also
            // when this failed with an exception, so that the next try waits for the backoff
            long now = System.nanoTime();
            schedule = failure == null ? schedule.compacted(after.bytes(), now)
                    : schedule.notCompacted(Math.max(after.bytes(), EmbeddedCompaction.sizeOr(file, 0)), now);
            waited = gate.resume();
        }
        if (failure != null) {
            CompactionSchedule next = schedule;
            LOG.warn("Did not compact the embedded store: {}; trying again in {} s, or once the file passes {} MB "
                            + "({} failed in a row)", failure, next.retryInMillis(System.nanoTime()) / 1000,
                    next.retryAboveBytes() >> 20, next.failures());
            return Optional.empty();
        }
        Pause pause = new Pause(before.bytes(), after.bytes(), (System.nanoTime() - started) / 1_000_000, waited);
        LOG.info("Compacted the embedded store from {} MB to {} MB in {} ms; {} requests waited meanwhile (the next "
                        + "compaction is above {} MB)", before.bytes() >> 20, after.bytes() >> 20, pause.pausedMillis(),
                pause.requestsWaited(), schedule.thresholdBytes() >> 20);
        settings.listener().resumed(pause);
        return Optional.of(pause);
    }

    /** When the next pause is due (tests). */
    CompactionSchedule schedule() {
        return schedule;
    }

    /**
     * The file's identity (its inode where the file system has one) and size: a compaction renames a new file over
     * it, so a file of the same identity was not compacted.
     */
    record FileState(Object key, long bytes) {
        static FileState of(Path file) {
            try {
                java.nio.file.attribute.BasicFileAttributes attributes = Files.readAttributes(file,
                        java.nio.file.attribute.BasicFileAttributes.class);
                return new FileState(attributes.fileKey(), attributes.size());
            } catch (IOException e) {
                return new FileState(null, 0);
            }
        }

        /**
         * Whether this, read after a compaction, is a new file, not {@code before}: another identity, or if the file
         * system tells none, a smaller size (the copy of the live data is smaller unless nearly all of it is live).
         */
        boolean replaced(FileState before) {
            if (key != null && before.key() != null) {
                return !key.equals(before.key());
            }
            return bytes < before.bytes();
        }
    }

    /** With nothing in flight and new requests held back: closes the database and compacts it; why not, or null. */
    private String closeAndCompact() {
        HikariPoolMXBean poolControl = pool.getHikariPoolMXBean();
        poolControl.suspendPool();
        openings.hold();
        try {
            settings.listener().paused();
            if (!closeConnections(poolControl, openings)) {
                return "the pool's connections did not close within " + CLOSE_MILLIS + " ms";
            }
            openings.closing(); // a connection opened before and added to the pool only now is dead: discarded
            // the pool closes evicted connections on a thread of its own: their sessions must end before the SHUTDOWN
            compactor.closeAndCompact(jdbcUrl, CLOSE_MILLIS, poolControl::softEvictConnections,
                    () -> settings.listener().closed(EmbeddedCompaction.sizeOr(file, 0)));
            return null;
        } catch (SQLException e) {
            return "H2 failed: " + e.getMessage();
        } finally {
            openings.release();
            poolControl.resumePool();
        }
    }

    /** Where the pool opens its connections (tests). */
    EmbeddedOpenings openings() {
        return openings;
    }

    /** Evicts {@code borrowed} from the pool if it was opened before the last pause closed the database. */
    private boolean discarded(java.sql.Connection borrowed) throws SQLException {
        if (!openings.dead(borrowed.unwrap(java.sql.Connection.class))) {
            return false;
        }
        LOG.debug("Discarding a connection opened before the embedded store was compacted");
        pool.evictConnection(borrowed);
        return true;
    }

    /**
     * Evicts every pooled connection and waits until the pool counts none and none is being opened (the pool,
     * suspended, starts no new one, and {@code openings} holds back one it had started), so that nothing reopens the
     * database. It does not close the database: the pool closes evicted connections on another thread, later, and a
     * connection just opened may not be counted yet; the explicit {@code SHUTDOWN} of
     * {@link EmbeddedCompaction#closeAndCompact} closes it, every session included.
     */
    private static boolean closeConnections(HikariPoolMXBean poolControl, EmbeddedOpenings openings) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_MILLIS);
        while (true) {
            poolControl.softEvictConnections();
            if (poolControl.getTotalConnections() == 0 && openings.idle()) {
                return true;
            }
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
    }

    /** Stops watching; a compaction under way finishes first (interrupting H2's file work could harm the file). */
    @Override
    public void close() {
        timer.shutdown();
        try {
            if (!timer.awaitTermination(5, TimeUnit.MINUTES)) {
                LOG.warn("The embedded store's compaction did not finish within 5 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
