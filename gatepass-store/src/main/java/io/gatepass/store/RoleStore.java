package io.gatepass.store;

import io.gatepass.core.identity.Role;

import java.util.List;
import java.util.Optional;

/** IAM roles. Names are unique per account regardless of case, as in IAM. */
public interface RoleStore {
    /** @throws DuplicateEntityException if a role of that name (ignoring case) exists in the account */
    void create(Role role);

    Optional<Role> find(String accountId, String roleName);

    /** Same ordering and paging contract as {@link UserStore#list}. */
    List<Role> list(String accountId, String pathPrefix, String afterName, int limit);

    /**
     * Deletes only the role row; the caller deals with its inline policies.
     *
     * @return false if no such role
     */
    boolean delete(String accountId, String roleName);
}
