package io.gatepass.store;

import java.util.List;
import java.util.Optional;

/**
 * Inline policies of users and roles. Owner names and policy names are matched ignoring case; documents are kept
 * exactly as given (up to IAM's 131,072 characters).
 */
public interface InlinePolicyStore {
    /**
     * Creates or replaces the named policy. Replacing keeps the new document and the new spelling of the name, so a
     * later {@link #find} returns exactly {@code policy}.
     */
    void put(PolicyOwner owner, InlinePolicy policy);

    Optional<InlinePolicy> find(PolicyOwner owner, String policyName);

    /** All policies of the owner, ordered by lower-cased name. */
    List<InlinePolicy> list(PolicyOwner owner);

    boolean delete(PolicyOwner owner, String policyName);

    /** Removes every policy of the owner (used when the owner itself is deleted). */
    int deleteAll(PolicyOwner owner);
}
