package io.gatepass.core.token;

import java.util.function.Supplier;

/**
 * A key ring that can look again in its store when a token names a key it does not hold: a node that missed a
 * rotation (paused longer than the cluster waits for it, or between its reloads) then still accepts tokens that a node
 * with the new key signed, instead of refusing them until its next scheduled reload.
 */
public interface ReloadableKeyRing extends Supplier<KeyRing> {
    /**
     * The ring to verify a token naming {@code keyId} with: reloaded from the store if the current one lacks that key
     * and no such reload happened very recently (a stream of made-up key ids must not become a stream of store reads);
     * otherwise the current ring.
     */
    KeyRing reloadedFor(String keyId);
}
