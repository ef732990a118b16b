package io.gatepass.core.codeartifact;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Word that a package changed on this node (a status change, deletion or publication through the package APIs), for
 * whatever keeps a rendering of it: the npm format's packument cache drops its copies, so the change shows at once on
 * this node (other nodes' caches expire within a second).
 */
@FunctionalInterface
public interface PackageChanges {
    void changed(PackageKey key);

    /** Passes each change on to the listeners that joined. */
    final class Fanout implements PackageChanges {
        private final List<PackageChanges> listeners = new CopyOnWriteArrayList<>();

        public void listen(PackageChanges listener) {
            listeners.add(listener);
        }

        @Override
        public void changed(PackageKey key) {
            listeners.forEach(listener -> listener.changed(key));
        }
    }
}
