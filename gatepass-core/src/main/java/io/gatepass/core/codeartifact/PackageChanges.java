package io.gatepass.core.codeartifact;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Word that a package changed on this node (a status change, deletion or publication through the package APIs), for
 * whatever keeps a rendering of it: the npm format's packument cache drops its copies, so the change shows at once on
 * this node, and on the other nodes once word of it reaches them (their caches expire within a second otherwise).
 */
@FunctionalInterface
public interface PackageChanges {
    void changed(PackageKey key);

    /**
     * Passes each change on to the listeners that joined, and to the other nodes if {@link #relayTo} was given a way;
     * what other nodes changed comes in through {@link #heard}, which reaches the listeners only.
     */
    final class Fanout implements PackageChanges {
        private final List<PackageChanges> listeners = new CopyOnWriteArrayList<>();
        private volatile PackageChanges relay = key -> {
        };

        public void listen(PackageChanges listener) {
            listeners.add(listener);
        }

        /** Also tells {@code otherNodes} of every change made on this node. */
        public void relayTo(PackageChanges otherNodes) {
            relay = otherNodes;
        }

        /** A change made on this node: its listeners, then the other nodes. */
        @Override
        public void changed(PackageKey key) {
            heard(key);
            relay.changed(key);
        }

        /** A change another node made: this node's listeners only. */
        public void heard(PackageKey key) {
            listeners.forEach(listener -> listener.changed(key));
        }
    }
}
