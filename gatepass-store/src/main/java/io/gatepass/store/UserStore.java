package io.gatepass.store;

import io.gatepass.core.identity.User;

import java.util.List;
import java.util.Optional;

/** IAM users. Names are unique per account regardless of case, as in IAM. */
public interface UserStore {
    /** @throws DuplicateEntityException if a user of that name (ignoring case) exists in the account */
    void create(User user);

    /** Exact-name lookup, as IAM does for GetUser (names are matched ignoring case). */
    Optional<User> find(String accountId, String userName);

    Optional<User> findByUserId(String userId);

    /**
     * Users of the account whose path starts with {@code pathPrefix} (null or "/": all; compared exactly, case
     * included), ordered by lower-cased name (code point order), starting strictly after {@code afterName} compared
     * lower-cased (null: from the start), at most {@code limit}. To learn whether more follow, ask for one more than
     * the page size; the next page starts after the last name returned.
     *
     * @throws IllegalArgumentException if {@code limit} is not positive
     */
    List<User> list(String accountId, String pathPrefix, String afterName, int limit);

    /**
     * Deletes only the user row; the caller deals with its access keys and inline policies.
     *
     * @return false if no such user
     */
    boolean delete(String accountId, String userName);
}
