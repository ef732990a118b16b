package io.gatepass.store.internal.jdbc;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.logging.Logger;

/**
 * Where the pool opens its connections to the embedded database, and can be told to open none for a while: while
 * {@link OnlineCompaction} closes and compacts the file, a connection the pool was already creating (to replace a
 * busy one, say) would otherwise reopen the database in the middle. Once {@link #hold} was called and {@link #idle}
 * holds, no connection of the pool is being opened, and none will be until {@link #release}. It also tells a
 * connection opened before the database was closed ({@link #dead}), which the pool may have added only after it evicted
 * every connection, and would lend without checking it (a connection used within 0.5 s is not validated).
 *
 * <p>Connections come from H2's driver itself, not through {@code DriverManager}: its first use looks for every
 * {@code java.sql.Driver} on the class path (a service lookup in each jar) and loads the PostgreSQL driver too, some
 * tens of milliseconds of a start (issue 12).
 */
final class EmbeddedOpenings implements DataSource {
    private static final java.sql.Driver H2 = new org.h2.Driver();
    private final String jdbcUrl;
    /** The connections opened, each with the {@link #closings} count as its opening began (weak: the pool drops them). */
    private final java.util.Map<Connection, Integer> opened = new java.util.WeakHashMap<>();
    private boolean held;
    private int opening;
    private int closings;
    private int loginTimeout;

    EmbeddedOpenings(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    @Override
    public Connection getConnection() throws SQLException {
        int began;
        synchronized (this) {
            while (held) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLTransientConnectionException("Interrupted while the embedded store was compacted");
                }
            }
            opening++;
            began = closings;
        }
        try {
            Connection connection = H2.connect(jdbcUrl, new java.util.Properties());
            if (connection == null) {
                throw new SQLException("Not an H2 URL: " + Urls.redact(jdbcUrl), "08001");
            }
            synchronized (this) {
                opened.put(connection, began);
            }
            return connection;
        } finally {
            synchronized (this) {
                opening--;
                notifyAll();
            }
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    /** Opens no more connections until {@link #release}. */
    synchronized void hold() {
        held = true;
    }

    /** Whether no connection is being opened. */
    synchronized boolean idle() {
        return opening == 0;
    }

    /**
     * The database is about to be closed by {@code SHUTDOWN} (held, none being opened): every connection opened so far
     * is dead from then on, including one the pool has not added yet (it adds a connection just after opening it).
     */
    synchronized void closing() {
        closings++;
    }

    /** Whether {@code connection} (as opened here) was opened before the database was last closed: dead. */
    synchronized boolean dead(Connection connection) {
        Integer began = opened.get(connection);
        return began != null && began < closings;
    }

    synchronized void release() {
        held = false;
        notifyAll();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("Not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
