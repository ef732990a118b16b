package io.gatepass.store.internal.jdbc;

import io.gatepass.store.StoreException;
import io.gatepass.store.internal.cache.Invalidations;
import io.gatepass.store.internal.cache.LocalInvalidations;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Properties;

/**
 * {@link Invalidations} between the nodes sharing one PostgreSQL store, by {@code NOTIFY}/{@code LISTEN}.
 *
 * <p>{@link #publish} runs {@code SELECT pg_notify(channel, payload)} on a pooled connection right after the change
 * committed. One thread per node holds a connection of its own (outside the pool) that has run {@code LISTEN channel}
 * and waits on it ({@code PGConnection.getNotifications}); what another node published is delivered to this node's
 * listeners, what this node published itself is skipped (it was delivered when published). The channel is named after
 * the schema, so stores in other schemas of the same database never hear each other.
 *
 * <p>When the listening connection fails, the node relies on its caches' time-to-live, and reconnects with backoff
 * ({@link #MIN_BACKOFF} doubling to {@link #MAX_BACKOFF}); once listening again it tells every listener to forget
 * everything, since it may have missed word meanwhile.
 */
public final class PostgresInvalidations implements Invalidations {
    static final Duration MIN_BACKOFF = Duration.ofMillis(100);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(PostgresInvalidations.class);
    /** How long one wait for notifications lasts; also how soon {@link #close} is noticed. */
    private static final int WAIT_MILLIS = 500;
    /** A wait this long without anything heard ends with a round trip, so a silently dead connection is noticed. */
    private static final long PROBE_AFTER_NANOS = Duration.ofSeconds(10).toNanos();
    private static final int MAX_CHANNEL_LENGTH = 63;
    /** Payloads are {@code <node> <topic> <key>}; PostgreSQL takes up to 8000 bytes. */
    private static final int MAX_PAYLOAD_BYTES = 7900;
    private static final long WARN_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

    private final LocalInvalidations local = new LocalInvalidations();
    private final Jdbc jdbc;
    private final String jdbcUrl;
    private final String channel;
    private final String node;
    private final Thread thread;
    private volatile boolean closed;
    private volatile boolean listening;
    private volatile Connection connection;
    private volatile long lastPublishWarning = System.nanoTime() - WARN_EVERY_NANOS;

    private PostgresInvalidations(Jdbc jdbc, String jdbcUrl, String channel) {
        this.jdbc = jdbc;
        this.jdbcUrl = jdbcUrl;
        this.channel = channel;
        byte[] id = new byte[6];
        new SecureRandom().nextBytes(id);
        this.node = HexFormat.of().formatHex(id);
        this.thread = new Thread(this::run, "gatepass-invalidations");
        this.thread.setDaemon(true);
    }

    /**
     * Starts listening (in the background; the first connection is made there, so this returns at once).
     *
     * @param jdbcUrl the store's URL, for the listening connection of its own
     */
    static PostgresInvalidations start(Jdbc jdbc, String jdbcUrl) {
        String schema = jdbc.one("read the current schema", "SELECT current_schema()", row -> row.getString(1))
                .orElse("public");
        PostgresInvalidations invalidations = new PostgresInvalidations(jdbc, jdbcUrl, channelFor(schema));
        invalidations.thread.start();
        return invalidations;
    }

    /** {@code gatepass.<schema>}, or a digest of it when that is longer than PostgreSQL's identifiers may be. */
    static String channelFor(String schema) {
        String channel = "gatepass." + schema;
        if (channel.length() <= MAX_CHANNEL_LENGTH) {
            return channel;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(schema.getBytes(StandardCharsets.UTF_8));
            return "gatepass." + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void publish(String topic, String keyOrNull) {
        local.deliver(topic, keyOrNull);
        String payload = node + " " + topic + " " + (keyOrNull == null ? "" : keyOrNull);
        if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
            payload = node + " " + topic + " "; // too long to name: the others forget the whole topic
        }
        try {
            jdbc.one("tell the other nodes of a change", "SELECT pg_notify(?, ?)", row -> Boolean.TRUE, channel,
                    payload);
        } catch (StoreException e) {
            long now = System.nanoTime();
            if (now - lastPublishWarning >= WARN_EVERY_NANOS) {
                lastPublishWarning = now;
                LOG.warn("could not tell the other nodes of a change ({}); they see it within their caches' "
                        + "time-to-live", e.getMessage());
            }
        }
    }

    @Override
    public void listen(String topic, Listener listener) {
        local.listen(topic, listener);
    }

    @Override
    public boolean listening() {
        return listening;
    }

    /** The channel the nodes of this store notify on (for tests and the log). */
    String channel() {
        return channel;
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        Connection open = connection;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        try {
            thread.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        long backoffMillis = MIN_BACKOFF.toMillis();
        boolean everListened = false;
        boolean downLogged = false;
        while (!closed) {
            try (Connection c = connect()) {
                connection = c;
                try (Statement listen = c.createStatement()) {
                    listen.execute("LISTEN \"" + channel.replace("\"", "\"\"") + "\"");
                }
                listening = true;
                downLogged = false;
                backoffMillis = MIN_BACKOFF.toMillis();
                if (!everListened) {
                    LOG.info("listening for other nodes' changes on channel {}", channel);
                }
                if (everListened) {
                    LOG.info("listening for other nodes' changes again; forgetting everything cached, as word may "
                            + "have been missed");
                    local.deliverEverything();
                }
                everListened = true;
                receive(c);
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    break;
                }
                if (!downLogged) {
                    downLogged = true;
                    LOG.warn("not listening for other nodes' changes ({}); they show here within the caches' "
                            + "time-to-live until the connection is back", e.getMessage());
                }
                listening = false;
                connection = null;
                try {
                    Thread.sleep(backoffMillis);
                } catch (InterruptedException interrupted) {
                    break;
                }
                backoffMillis = Math.min(backoffMillis * 2, MAX_BACKOFF.toMillis());
            }
        }
        listening = false;
    }

    /** Delivers what arrives on the listening connection until it fails or the node closes. */
    private void receive(Connection c) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        long quietSince = System.nanoTime();
        while (!closed) {
            PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
            if (notifications != null && notifications.length > 0) {
                quietSince = System.nanoTime();
                for (PGNotification notification : notifications) {
                    hear(notification.getParameter());
                }
            } else if (System.nanoTime() - quietSince > PROBE_AFTER_NANOS) {
                try (Statement probe = c.createStatement()) {
                    probe.execute("SELECT 1");
                }
                quietSince = System.nanoTime();
            }
        }
    }

    private void hear(String payload) {
        int first = payload.indexOf(' ');
        int second = first < 0 ? -1 : payload.indexOf(' ', first + 1);
        if (second < 0 || payload.substring(0, first).equals(node)) {
            return; // not ours to read, or this node's own word
        }
        String key = payload.substring(second + 1);
        try {
            local.deliver(payload.substring(first + 1, second), key.isEmpty() ? null : key);
        } catch (RuntimeException e) {
            LOG.warn("a cache failed to forget what another node changed", e);
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("socketTimeout", "30");
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("ApplicationName", "gatepass-invalidations");
        return DriverManager.getConnection(jdbcUrl, properties);
    }
}
