package io.gatepass.store;

import java.util.List;

/**
 * Signing keys of the token key rings, one ring per {@code purpose} (such as {@code "gamelift-compute"}). Shared by
 * every node, so that any node verifies a token another node minted. Key ids are unique per purpose.
 */
public interface TokenKeyStore {
    /** The purpose's keys, oldest first (by creation time, then the order they were added); empty if none. */
    List<StoredTokenKey> load(String purpose);

    /** @throws DuplicateEntityException if the purpose has a key of that id */
    void add(String purpose, StoredTokenKey key);
}
