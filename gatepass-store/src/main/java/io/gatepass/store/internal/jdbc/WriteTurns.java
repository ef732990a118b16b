package io.gatepass.store.internal.jdbc;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * On an H2 database kept in a file, lets one write (an auto-committed statement, or a transaction up to its commit) run
 * at a time; reads are not held back. H2 writes each commit to the file as a chunk that should be a consistent snapshot
 * of every table and index, but it takes the snapshot one map (table, index, undo log) after the other while other
 * sessions go on changing them. A chunk written by one write's commit could so hold half of another write's commit:
 * after a kill -9 right behind that chunk, an index of the table kept the other write's row while the table did not
 * ({@code Row "1878" not found in primary index}, every read of the index failing), or the reverse. With one write at a
 * time, the only session changing anything when H2 takes a snapshot is the one whose commit writes it (issue 13,
 * docs/operations.md). Costs little: H2 writes every commit's chunk under a lock of its own anyway
 * ({@code WRITE_DELAY=0}).
 *
 * <p>A write waits for its turn at most {@value ConnectionGate#WAIT_MILLIS} ms, then fails as unavailable, as when the
 * pool has no connection in time.
 */
final class WriteTurns {
    private final ReentrantLock turn;
    private final long waitNanos;

    private WriteTurns(ReentrantLock turn, long waitMillis) {
        this.turn = turn;
        this.waitNanos = TimeUnit.MILLISECONDS.toNanos(waitMillis);
    }

    /** What the store on {@code jdbcUrl} needs: one write at a time on an H2 file database, else no turns. */
    static WriteTurns forUrl(String jdbcUrl) {
        boolean h2File = Dialect.forUrl(jdbcUrl) == Dialect.H2 && !jdbcUrl.startsWith("jdbc:h2:mem:");
        return h2File ? oneAtATime(ConnectionGate.WAIT_MILLIS) : concurrent();
    }

    /** Writes take turns, each waiting at most {@code waitMillis} for its own. */
    static WriteTurns oneAtATime(long waitMillis) {
        return new WriteTurns(new ReentrantLock(true), waitMillis);
    }

    /** Writes run at once (PostgreSQL keeps each commit whole by itself; an in-memory H2 database has no file). */
    static WriteTurns concurrent() {
        return new WriteTurns(null, 0);
    }

    /**
     * Before a write borrows its connection: waits for its turn (at once if writes run concurrently).
     *
     * @throws SQLTransientConnectionException if another write held its turn longer than allowed (the store is
     *                                         unavailable for now), or the thread was interrupted
     */
    void begin() throws SQLException {
        if (turn == null) {
            return;
        }
        boolean mine;
        try {
            mine = turn.tryLock(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLTransientConnectionException("Interrupted while waiting for a turn to write");
        }
        if (!mine) {
            throw new SQLTransientConnectionException("Another write held the store for over "
                    + TimeUnit.NANOSECONDS.toMillis(waitNanos) + " ms");
        }
    }

    /** After the write's connection went back to the pool (committed or rolled back). */
    void end() {
        if (turn != null) {
            turn.unlock();
        }
    }

    /** Whether writes take turns here. */
    boolean oneAtATime() {
        return turn != null;
    }

    /** Writes waiting for their turn (tests). */
    int waiting() {
        return turn == null ? 0 : turn.getQueueLength();
    }
}
