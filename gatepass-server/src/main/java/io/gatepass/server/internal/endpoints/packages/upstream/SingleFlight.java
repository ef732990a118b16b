package io.gatepass.server.internal.endpoints.packages.upstream;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a piece of work at most once at a time per key: the first caller runs it on its own (worker) thread, callers
 * for the same key meanwhile wait for that result (at most {@code wait}) instead of doing it again. Once done the key
 * is free again, so the work must look first whether an earlier run already left what it makes (e.g. a retained
 * version) and return that.
 *
 * <p>Every caller, whether it runs the work or waits for another's run, holds a worker thread meanwhile; at most
 * {@code maxWaiting} threads may do so at once (a flight run inside another on the same thread counts once). Beyond that a caller is answered at once with a 503 (the formats then serve what
 * the repositories hold, as when the registry is down), so a slow registry can never take every worker: requests that
 * need no public registry always find one.
 */
public final class SingleFlight<K, V> {
    private final ConcurrentHashMap<K, CompletableFuture<V>> flights = new ConcurrentHashMap<>();
    private final AtomicLong runs = new AtomicLong();
    private final Semaphore waiting;
    /** Whether this thread holds a permit of {@link #waiting} (nested flights take none of their own). */
    private final ThreadLocal<Boolean> holding = ThreadLocal.withInitial(() -> false);

    /** Without a bound on callers holding a thread at once. */
    public SingleFlight() {
        this(Integer.MAX_VALUE);
    }

    /** @param maxWaiting how many callers may hold a thread in {@link #run} at once */
    public SingleFlight(int maxWaiting) {
        this.waiting = new Semaphore(maxWaiting);
    }

    /**
     * @throws UpstreamUnavailable 504 if a flight someone else started does not finish within {@code wait}; 503 if
     *                             too many callers are waiting already
     */
    public V run(K key, Duration wait, Callable<V> work) {
        if (holding.get()) { // a flight inside this thread's own flight: the thread is counted already
            return runHoldingAThread(key, wait, work);
        }
        if (!waiting.tryAcquire()) {
            throw new UpstreamUnavailable(503, "Too many requests are waiting for public registries; try again.");
        }
        holding.set(true);
        try {
            return runHoldingAThread(key, wait, work);
        } finally {
            holding.set(false);
            waiting.release();
        }
    }

    private V runHoldingAThread(K key, Duration wait, Callable<V> work) {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> running = flights.putIfAbsent(key, mine);
        if (running != null) {
            return await(running, wait);
        }
        runs.incrementAndGet();
        try {
            V value = work.call();
            flights.remove(key, mine);
            mine.complete(value);
            return value;
        } catch (Exception | Error e) {
            flights.remove(key, mine);
            mine.completeExceptionally(e);
            if (e instanceof RuntimeException r) {
                throw r;
            }
            if (e instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e);
        }
    }

    /** How many times work was actually started (for tests and metrics). */
    public long runs() {
        return runs.get();
    }

    private static <V> V await(CompletableFuture<V> running, Duration wait) {
        try {
            return running.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new UpstreamUnavailable(504, "The upstream fetch of this package is still running after "
                    + RemoteRegistry.readable(wait) + "; try again.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamUnavailable(504, "Interrupted while waiting for the upstream fetch.");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }
}
