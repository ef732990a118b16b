package io.gatepass.store.internal.cache;

/**
 * How the nodes sharing one database tell each other to forget what they cached from it. A node that committed a
 * change {@link #publish}es it; every node's listeners of that topic (this node's at once, the others' as soon as
 * word reaches them) forget what it names. On PostgreSQL word travels by {@code NOTIFY} ({@code
 * io.gatepass.store.internal.jdbc.PostgresInvalidations}); the embedded store has one node, and {@link #local()} only tells this
 * one. Word can be missed (a lost connection): listeners are then told to forget everything, and caches keep their
 * time-to-live as the safety net either way.
 */
public interface Invalidations extends AutoCloseable {
    /** Topic of {@link CachingStore}'s reads (keys, users, policies, computes, domains...): always "forget all". */
    String STORE = "store";

    /** What a listener hears. */
    @FunctionalInterface
    interface Listener {
        /**
         * @param keyOrNull what changed, as its publisher named it; null when everything of the topic may have changed
         *                  (a node missed word while its connection was down)
         */
        void forget(String keyOrNull);
    }

    /**
     * After a change committed on this node: this node's listeners of {@code topic} forget {@code keyOrNull} at once,
     * and the other nodes' as soon as word reaches them. Never throws: word that cannot be sent is logged (the other
     * nodes see the change within their caches' time-to-live).
     *
     * @param topic     what kind of thing changed (e.g. {@link #STORE})
     * @param keyOrNull which one, or null for all of them; at most a few hundred characters
     */
    void publish(String topic, String keyOrNull);

    /** {@code listener} hears every change of {@code topic}, this node's and the others'. */
    void listen(String topic, Listener listener);

    /** True while word from the other nodes arrives (always, for {@link #local()}). */
    boolean listening();

    @Override
    void close();

    /** For a store only this node uses: changes are only heard here. */
    static Invalidations local() {
        return new LocalInvalidations();
    }
}
