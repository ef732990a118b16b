package io.gatepass.store.internal.jdbc;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeUnit;

/**
 * Counts the threads holding pooled connections and can hold new ones back for a while ({@link #pause}), so that a
 * pause knows when nothing is in flight. A thread that already holds a connection passes even during a pause: no store
 * call borrows a second one today (a call made inside a transaction's work runs on that transaction's connection, see
 * {@link Jdbc}), but one that did would otherwise wait for a pause that waits for it.
 */
final class ConnectionGate {
    /** Every this many connections returned, {@link #onReturns} runs (on the returning thread). */
    static final int RETURNS_PER_CHECK = 32;
    /** The longest a borrower waits for a pause to end: far longer than a pause, well within a client's patience. */
    static final long WAIT_MILLIS = 30_000;

    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);
    private final java.util.concurrent.atomic.AtomicInteger returns = new java.util.concurrent.atomic.AtomicInteger();
    private volatile Runnable onReturns;
    private volatile Discard discard = connection -> false;
    private int holders;
    private boolean paused;
    private int waitedDuringPause;

    private final long waitNanos;

    ConnectionGate() {
        this(WAIT_MILLIS);
    }

    ConnectionGate(long waitMillis) {
        this.waitNanos = TimeUnit.MILLISECONDS.toNanos(waitMillis);
    }

    /**
     * Before borrowing a connection: waits while a pause lasts (unless this thread already holds one).
     *
     * @throws SQLTransientConnectionException if the pause lasted longer than the wait allowed (what the pool throws
     *                                         when it has no connection in time: the store is unavailable for now)
     */
    void enter() throws SQLException {
        int[] mine = depth.get();
        if (mine[0] == 0) {
            synchronized (this) {
                if (paused) {
                    waitedDuringPause++;
                    long deadline = System.nanoTime() + waitNanos;
                    while (paused) {
                        long left = deadline - System.nanoTime();
                        if (left <= 0) {
                            throw new SQLTransientConnectionException("The embedded store was being compacted for "
                                    + "over " + TimeUnit.NANOSECONDS.toMillis(waitNanos) + " ms");
                        }
                        try {
                            TimeUnit.NANOSECONDS.timedWait(this, left);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new SQLTransientConnectionException(
                                    "Interrupted while the embedded store was being compacted");
                        }
                    }
                }
                holders++;
            }
        }
        mine[0]++;
    }

    /** Like {@link #enter}, but false at once, not entering, if a pause is on and this thread holds no connection. */
    boolean enterUnlessPaused() {
        int[] mine = depth.get();
        if (mine[0] == 0) {
            synchronized (this) {
                if (paused) {
                    return false;
                }
                holders++;
            }
        }
        mine[0]++;
        return true;
    }

    /** Tells (and discards from the pool) a connection that cannot be used; see {@link #borrow}. */
    @FunctionalInterface
    interface Discard {
        boolean discarded(Connection connection) throws SQLException;
    }

    /**
     * Between {@link #enter} and {@link #exit}: a connection from {@code dataSource}, one {@link #discardWhen} tells
     * dead being discarded and replaced.
     */
    Connection borrow(DataSource dataSource) throws SQLException {
        while (true) {
            Connection connection = dataSource.getConnection();
            boolean discarded;
            try {
                discarded = discard.discarded(connection);
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
            if (!discarded) {
                return connection;
            }
        }
    }

    /** Has {@link #borrow} pass each connection to {@code discard}. */
    void discardWhen(Discard discard) {
        this.discard = discard;
    }

    /** After the connection went back to the pool. */
    void exit() {
        int[] mine = depth.get();
        if (--mine[0] == 0) {
            synchronized (this) {
                holders--;
                notifyAll();
            }
            Runnable check = onReturns;
            if (check != null && returns.incrementAndGet() % RETURNS_PER_CHECK == 0) {
                check.run();
            }
        }
    }

    /** Runs {@code check} every {@value #RETURNS_PER_CHECK} returns of a connection (a cheap look at the file). */
    void onReturns(Runnable check) {
        this.onReturns = check;
    }

    /** Holds new borrowers back from now on; false if a pause was already on. */
    synchronized boolean hold() {
        if (paused) {
            return false;
        }
        paused = true;
        waitedDuringPause = 0;
        return true;
    }

    /**
     * Holds new borrowers back and waits until no thread holds a connection. Returns true once none does; false if some
     * thread still held one after {@code timeout}. Either way the pause lasts until {@link #resume} (unless
     * interrupted).
     */
    synchronized boolean pause(long timeout, TimeUnit unit) throws InterruptedException {
        hold();
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        try {
            while (holders > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        } catch (InterruptedException e) {
            resume();
            throw e;
        }
    }

    /** Ends the pause; returns how many borrowers waited for it. */
    synchronized int resume() {
        paused = false;
        notifyAll();
        return waitedDuringPause;
    }

    /** Borrowers waiting for the current pause to end. */
    synchronized int waiting() {
        return paused ? waitedDuringPause : 0;
    }

    synchronized boolean isPaused() {
        return paused;
    }
}
