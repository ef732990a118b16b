package io.gatepass.store.internal.cache;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@link Invalidations} heard on this node only: the listeners by topic, and the delivery to them, which the
 * database-backed kind reuses for what it hears from the other nodes.
 */
public class LocalInvalidations implements Invalidations {
    private final Map<String, List<Listener>> listeners = new ConcurrentHashMap<>();

    @Override
    public void publish(String topic, String keyOrNull) {
        deliver(topic, keyOrNull);
    }

    @Override
    public void listen(String topic, Listener listener) {
        listeners.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(listener);
    }

    /** Tells this node's listeners of {@code topic}. */
    public void deliver(String topic, String keyOrNull) {
        List<Listener> of = listeners.get(topic);
        if (of != null) {
            of.forEach(listener -> listener.forget(keyOrNull));
        }
    }

    /** Tells every listener of every topic to forget everything (word may have been missed). */
    public void deliverEverything() {
        listeners.values().forEach(of -> of.forEach(listener -> listener.forget(null)));
    }

    @Override
    public boolean listening() {
        return true;
    }

    @Override
    public void close() {
    }
}
