package io.gatepass.store.internal.jdbc;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.logging.Logger;

/**
 * Where the pool opens its connections to the embedded database, and can be told to open none for a while: while
 * {@link OnlineCompaction} closes and compacts the file, a connection the pool was already creating (to replace a
 * busy one, say) would otherwise reopen the database in the middle. Once {@link #hold} was called and {@link #idle}
 * holds, no connection of the pool is being opened, and none will be until {@link #release}.
 */
final class EmbeddedOpenings implements DataSource {
    private final String jdbcUrl;
    private boolean held;
    private int opening;
    private int loginTimeout;

    EmbeddedOpenings(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    @Override
    public Connection getConnection() throws SQLException {
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
        }
        try {
            return DriverManager.getConnection(jdbcUrl);
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
