package io.gatepass.store;

import java.util.function.Supplier;

/**
 * Work that must not wait for the database, such as a request answered on a Vert.x event loop from what is cached
 * ({@link io.gatepass.store.internal.cache.CachingStore}): inside {@link #run}, a store call that would reach the database
 * throws {@link WouldBlock} before it does anything, so the caller can redo the whole piece of work where blocking is
 * allowed. Work run this way must have no effect outside the store before its first store call.
 */
public final class NonBlockingScope {
    private static final ThreadLocal<boolean[]> ACTIVE = ThreadLocal.withInitial(() -> new boolean[1]);

    private NonBlockingScope() {
    }

    /** Thrown by a store call made inside {@link #run}; carries no stack trace (it is control flow, and frequent). */
    public static final class WouldBlock extends RuntimeException {
        private static final WouldBlock INSTANCE = new WouldBlock();

        private WouldBlock() {
            super("the store would block here", null, false, false);
        }
    }

    /** Runs {@code work} with store calls refused; throws {@link WouldBlock} if it made one. */
    public static <T> T run(Supplier<T> work) {
        boolean[] active = ACTIVE.get();
        boolean outer = active[0];
        active[0] = true;
        try {
            return work.get();
        } finally {
            active[0] = outer;
        }
    }

    /** True inside {@link #run} on this thread. */
    public static boolean active() {
        return ACTIVE.get()[0];
    }

    /** What a store call does first: throws {@link WouldBlock} inside {@link #run}, else nothing. */
    public static void checkMayBlock() {
        if (ACTIVE.get()[0]) {
            throw WouldBlock.INSTANCE;
        }
    }

    /** The exception to throw for work that may not run inside {@link #run} at all. */
    public static WouldBlock wouldBlock() {
        return WouldBlock.INSTANCE;
    }
}
