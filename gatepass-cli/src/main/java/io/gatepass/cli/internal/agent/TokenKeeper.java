package io.gatepass.cli.internal.agent;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Keeps a valid compute auth token: asks every refresh interval, and as soon as less than 15 minutes of the current
 * token are left (when the server hands out a new one). Failures are retried with {@link Backoff}; meanwhile the
 * current token stays in use. Each refresh runs on the given {@link Scheduler} and reads time from the given clock.
 */
public final class TokenKeeper {
    /** GameLift hands out a new token once less than this is left of the current one. */
    static final Duration REISSUE_WHEN_LEFT = Duration.ofMinutes(15);
    /** Asking this long after the reissue point makes sure the server's clock has passed it too. */
    static final Duration REISSUE_MARGIN = Duration.ofSeconds(1);
    static final Duration MIN_DELAY = Duration.ofMillis(500);
    private static final Logger LOG = LoggerFactory.getLogger(TokenKeeper.class);

    /** Where tokens come from: GetComputeAuthToken, registering first if needed. */
    @FunctionalInterface
    public interface TokenSource {
        AuthToken fetch();
    }

    private final TokenSource source;
    private final Clock clock;
    private final Scheduler scheduler;
    private final Backoff backoff;
    private final Duration refreshInterval;
    private final AgentMetrics metrics;
    private final Consumer<AuthToken> onNewToken;
    private final Consumer<RuntimeException> onFatal;
    private volatile AuthToken current;
    private volatile String lastError;
    private volatile Instant lastRefresh;
    private volatile int failures;
    private volatile boolean stopped;

    public TokenKeeper(TokenSource source, Clock clock, Scheduler scheduler, Backoff backoff, Duration refreshInterval,
                       AgentMetrics metrics, Consumer<AuthToken> onNewToken, Consumer<RuntimeException> onFatal) {
        this.source = source;
        this.clock = clock;
        this.scheduler = scheduler;
        this.backoff = backoff;
        this.refreshInterval = refreshInterval;
        this.metrics = metrics;
        this.onNewToken = onNewToken;
        this.onFatal = onFatal;
    }

    /** Schedules the first refresh now. */
    public void start() {
        scheduler.schedule(this::refresh, Duration.ZERO);
    }

    /** No refresh runs after this returns: one that is running is waited for. */
    public void stop() {
        stopped = true;
        synchronized (this) {
            // A refresh holds this lock while it runs.
        }
    }

    /** The current token, or null before the first one; it may have expired if the server has been away long. */
    public AuthToken current() {
        return current;
    }

    public boolean hasValidToken() {
        AuthToken token = current;
        return token != null && token.validAt(clock.instant());
    }

    /** The last failure's message, or null once a refresh has succeeded since. */
    public String lastError() {
        return lastError;
    }

    /** When a refresh last succeeded, or null. */
    public Instant lastRefresh() {
        return lastRefresh;
    }

    /** Failed refreshes since the last successful one. */
    public int failures() {
        return failures;
    }

    synchronized void refresh() {
        if (stopped) {
            return;
        }
        Duration next;
        try {
            AuthToken token = source.fetch();
            Instant now = clock.instant();
            AuthToken previous = current;
            boolean changed = previous == null || !previous.token().equals(token.token());
            current = token;
            failures = 0;
            lastError = null;
            lastRefresh = now;
            metrics.refreshed(changed);
            next = nextRefresh(now, token.expiry(), refreshInterval);
            if (changed) {
                LOG.info("new compute auth token sha256:{} expires {}; next check in {}", token.fingerprint(),
                        token.expiry(), next);
                onNewToken.accept(token);
            } else {
                LOG.info("compute auth token sha256:{} unchanged, expires {}; next check in {}",
                        token.fingerprint(), token.expiry(), next);
            }
        } catch (AgentFatalException e) {
            lastError = e.getMessage();
            LOG.error(e.getMessage());
            onFatal.accept(e);
            return;
        } catch (RuntimeException e) {
            failures++;
            lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
            metrics.refreshFailed();
            next = backoff.delay(failures);
            AuthToken token = current;
            LOG.warn("cannot get the compute auth token ({} failure(s) in a row): {}; {}; retrying in {}", failures,
                    lastError, token == null ? "no token yet"
                            : "still serving sha256:" + token.fingerprint() + " (expires " + token.expiry() + ")",
                    next);
        }
        if (!stopped) {
            scheduler.schedule(this::refresh, next);
        }
    }

    /**
     * When to ask next: after the refresh interval, or just after less than 15 minutes are left of the token if that
     * comes sooner. A token that lives less than 15 minutes in all is renewed halfway through its remaining life.
     */
    static Duration nextRefresh(Instant now, Instant expiry, Duration refreshInterval) {
        Duration untilReissue = Duration.between(now, expiry.minus(REISSUE_WHEN_LEFT).plus(REISSUE_MARGIN));
        Duration delay = untilReissue.isNegative() || untilReissue.isZero()
                ? Duration.between(now, expiry).dividedBy(2)
                : untilReissue;
        if (delay.compareTo(refreshInterval) > 0) {
            delay = refreshInterval;
        }
        return delay.compareTo(MIN_DELAY) < 0 ? MIN_DELAY : delay;
    }
}
