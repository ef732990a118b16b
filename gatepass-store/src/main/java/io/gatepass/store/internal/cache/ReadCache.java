package io.gatepass.store.internal.cache;

import io.gatepass.store.NonBlockingScope;

import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Store reads kept for a short time: each value for at most {@code ttl} from when its read began (what another node's
 * write may take to be seen here), and none past a write on this node ({@link #invalidateAll()}, called after every
 * write). A value is tagged with the write generation seen before it was read, so a read that raced a write is never
 * served after it. Absent results ({@code Optional.empty()}) are kept only where asked ({@link #getKeepingAbsent}):
 * otherwise what another node has just created (a session, a compute) is found at once.
 *
 * <p>Under load a row is read once per expiry, not once per request that meets the expiry:
 * <ul>
 *   <li>a row asked for during its life is read again in the background ({@code refresher}) when the last quarter of
 *       its life begins, and so is one asked for in that last quarter, so requests answered on an event loop keep
 *       finding it instead of being stopped at the miss and redone on a worker; the new value again lives {@code ttl}
 *       from when its read began, so nothing older is ever served. The refresh at the start of the last quarter
 *       needs no request then: a row asked for in a steady stream with a pause shorter than the time-to-live (a
 *       client reconnecting, a lull) does not expire on the request path either. An expiry there
 *       costs more than the miss: the compiled request path has never seen that branch taken, and the JIT throws
 *       the whole of it away (docs/benchmarks.md, eighth pass);</li>
 *   <li>callers that miss the same row at once share one read (single flight): the first reads, the others wait for
 *       it. A caller that may not block ({@link NonBlockingScope}) starts that read in the background and is stopped
 *       as before, and its redo on a worker waits for the read already under way.</li>
 * </ul>
 */
final class ReadCache {
    /** Where rows are read in the background; either method may refuse ({@link RejectedExecutionException}). */
    interface Refresher {
        /** Runs {@code read} soon. */
        void execute(Runnable read);

        /** Runs {@code task} after {@code delayNanos}. */
        void schedule(Runnable task, long delayNanos);
    }

    private static final class Entry {
        final Object value;
        final long generation;
        final long refreshFromNanos;
        final long untilNanos;
        /** Whether a request found it (a hint, so a plain field: a late-seen write only delays a refresh). */
        boolean asked;

        Entry(Object value, long generation, long refreshFromNanos, long untilNanos) {
            this.value = value;
            this.generation = generation;
            this.refreshFromNanos = refreshFromNanos;
            this.untilNanos = untilNanos;
        }
    }

    /** A finished read: its value and the write generation seen before it began. */
    private record Loaded(Object value, long generation) {
    }

    private final ConcurrentHashMap<Object, Entry> entries = new ConcurrentHashMap<>();
    /** Reads under way, one per key. */
    private final ConcurrentHashMap<Object, Read> reading = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final long ttlNanos;
    private final long refreshAheadNanos;
    private final int maxEntries;
    private final LongSupplier nanoTime;
    private final Refresher refresher;

    /**
     * @param refresher where rows are read in the background (one thread is plenty: a read per hot row per
     *                  expiry); it may refuse work (then a row simply expires)
     */
    ReadCache(long ttlNanos, int maxEntries, LongSupplier nanoTime, Refresher refresher) {
        this.ttlNanos = ttlNanos;
        this.refreshAheadNanos = ttlNanos / 4;
        this.maxEntries = maxEntries;
        this.nanoTime = nanoTime;
        this.refresher = refresher;
    }

    <T> T get(Object key, Supplier<T> load) {
        return get(key, load, false);
    }

    /** As {@link #get}, keeping an absent result too (for what is usually absent, e.g. a domain's policy). */
    <T> T getKeepingAbsent(Object key, Supplier<T> load) {
        return get(key, load, true);
    }

    @SuppressWarnings("unchecked")
    private <T> T get(Object key, Supplier<T> load, boolean keepAbsent) {
        long seen = generation.get();
        long now = nanoTime.getAsLong();
        Entry entry = entries.get(key);
        if (entry != null && entry.generation == seen && now - entry.untilNanos < 0) {
            if (!entry.asked) {
                entry.asked = true; // once per row per life: its refresh is then due when its last quarter begins
            }
            if (now - entry.refreshFromNanos >= 0) {
                readInBackground(key, load, keepAbsent);
            }
            return (T) entry.value;
        }
        if (NonBlockingScope.active()) {
            // this caller may not wait: a row that was cached (now expired) is read elsewhere for the requests after
            // it (and for this one's redo); a key never seen is left to the redo, so that requests naming keys that do
            // not exist (an unknown access key id) cannot fill the refresher's queue or cost two reads each
            if (entry != null) {
                readInBackground(key, load, keepAbsent);
            }
            return load.get(); // a store reaching the database throws WouldBlock here, before touching it
        }
        return (T) readOnce(key, load, keepAbsent, seen);
    }

    /** Reads the row, or waits for the read of it under way if that began after the write generation {@code seen}. */
    private Object readOnce(Object key, Supplier<?> load, boolean keepAbsent, long seen) {
        while (true) {
            Read mine = new Read(key, load, keepAbsent);
            Read under = reading.putIfAbsent(key, mine);
            Loaded loaded;
            try {
                // a background read still queued is done here, now: a caller never waits behind the refresher's queue
                (under == null ? mine : under).run();
                loaded = (under == null ? mine : under).join();
            } catch (CompletionException | CancellationException e) {
                if (under == null) {
                    throw e.getCause() instanceof RuntimeException cause ? cause : e;
                }
                return read(key, load, keepAbsent).value; // its read failed: this caller tries (and reports) its own
            }
            if (loaded.generation - seen >= 0) {
                return loaded.value; // read after every write this caller has seen, and just now
            }
            // that read began before a write this caller has seen: read again
        }
    }

    private void readInBackground(Object key, Supplier<?> load, boolean keepAbsent) {
        Read mine = new Read(key, load, keepAbsent);
        if (reading.putIfAbsent(key, mine) != null) {
            return; // already being read
        }
        try {
            refresher.execute(mine);
        } catch (RejectedExecutionException e) {
            reading.remove(key, mine);
            mine.cancel(false);
        }
    }

    /** The one read of a key under way: done by the refresher or by the first caller that needs it, whichever is first. */
    private final class Read extends CompletableFuture<Loaded> implements Runnable {
        private final Object key;
        private final Supplier<?> load;
        private final boolean keepAbsent;
        private final AtomicBoolean claimed = new AtomicBoolean();

        Read(Object key, Supplier<?> load, boolean keepAbsent) {
            this.key = key;
            this.load = load;
            this.keepAbsent = keepAbsent;
        }

        @Override
        public void run() {
            if (!claimed.compareAndSet(false, true)) {
                return;
            }
            Loaded loaded;
            try {
                loaded = read(key, load, keepAbsent);
            } catch (RuntimeException | Error e) {
                reading.remove(key, this);
                completeExceptionally(e); // waiters read for themselves; in the background the row just expires
                return;
            }
            reading.remove(key, this); // before completing: whoever the result does not suit starts a new read
            complete(loaded);
        }
    }

    private Loaded read(Object key, Supplier<?> load, boolean keepAbsent) {
        long seen = generation.get();
        long began = nanoTime.getAsLong();
        Object value = load.get();
        if (value != null && (keepAbsent || !(value instanceof Optional<?> optional && optional.isEmpty()))) {
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
            Entry entry = new Entry(value, seen, began + ttlNanos - refreshAheadNanos, began + ttlNanos);
            entries.put(key, entry);
            try {
                refresher.schedule(() -> refreshIfAsked(key, entry, load, keepAbsent),
                        entry.refreshFromNanos - nanoTime.getAsLong());
            } catch (RejectedExecutionException e) {
                // then only a request in its last quarter has it read again
            }
        } else {
            entries.remove(key); // gone (e.g. deleted on another node): not served again from an earlier read
        }
        return new Loaded(value, seen);
    }

    /** At the start of a row's last quarter: reads it again if a request found it since it was read. */
    private void refreshIfAsked(Object key, Entry entry, Supplier<?> load, boolean keepAbsent) {
        if (entry.asked && entries.get(key) == entry) {
            readInBackground(key, load, keepAbsent);
        }
    }

    /** Forgets everything read so far; call after a write has committed (or failed). */
    void invalidateAll() {
        generation.incrementAndGet();
        entries.clear();
    }

    /** Runs a write, then forgets every cached read, whether the write succeeded or not. */
    <T> T write(Supplier<T> write) {
        try {
            return write.get();
        } finally {
            invalidateAll();
        }
    }

    void write(Runnable write) {
        try {
            write.run();
        } finally {
            invalidateAll();
        }
    }
}
