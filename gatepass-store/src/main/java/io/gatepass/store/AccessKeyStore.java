package io.gatepass.store;

import io.gatepass.core.identity.AccessKey;
import io.gatepass.core.identity.AccessKeyStatus;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Long-term access keys. A null {@code userName} means the account's root keys; user names are matched ignoring case.
 */
public interface AccessKeyStore {
    /** @throws DuplicateEntityException if the key id exists */
    void create(AccessKey key);

    /**
     * Creates the key unless its owner (user, or root when the user name is null) already has {@code quota} keys,
     * atomically: of concurrent callers on any node, no more than the quota succeed.
     *
     * @return false (and nothing created) when the owner is at its quota
     * @throws DuplicateEntityException if the key id exists
     */
    boolean createWithinQuota(AccessKey key, int quota);

    Optional<AccessKey> find(String accessKeyId);

    /** Keys of one user (or root when userName is null), oldest first (by create date, then creation order). */
    List<AccessKey> list(String accountId, String userName);

    /** @return false if the key does not exist or does not belong to that account and user (root when null) */
    boolean updateStatus(String accountId, String userName, String accessKeyId, AccessKeyStatus status);

    /** @return false if the key does not exist or does not belong to that account and user (root when null) */
    boolean delete(String accountId, String userName, String accessKeyId);

    /**
     * Records the last uses of keys, in one transaction. A use older than the one already recorded for a key (another
     * node's, written first) is ignored; uses of keys that no longer exist are dropped.
     */
    void recordLastUsed(Collection<AccessKeyUsage> usages);

    /** The recorded last use of a key; empty when the key does not exist or was never used. */
    Optional<AccessKeyUsage> lastUsed(String accessKeyId);
}
