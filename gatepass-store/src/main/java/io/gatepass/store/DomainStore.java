package io.gatepass.store;

import io.gatepass.core.codeartifact.Domain;

import java.util.List;
import java.util.Optional;

/**
 * CodeArtifact domains, keyed by owner account and name (matched exactly). A domain's {@link RepositoryStore
 * repositories} refer to it, and its {@link DomainPolicyStore permissions policy} goes with it when it is deleted.
 */
public interface DomainStore {
    /** @throws DuplicateEntityException if the owner has a domain of that name */
    void create(Domain domain);

    Optional<Domain> find(String owner, String name);

    /**
     * Domains of {@code ownerOrNull} (null: of every owner) ordered by name, then owner (code point order), starting
     * strictly after the domain whose {@link #pageKey} is {@code afterKey} (null: from the start), at most
     * {@code limit}. Ask for one more than the page size to learn whether more follow, and build the next token from
     * the {@code pageKey} of the last domain returned.
     *
     * @throws IllegalArgumentException if {@code limit} is not positive, or {@code afterKey} is not of the form
     *                                  {@code pageKey} makes (a forged or corrupt token)
     */
    List<Domain> list(String ownerOrNull, String afterKey, int limit);

    /**
     * Deletes the domain and, in the same statement, its permissions policy. A domain that still has repositories is
     * not deleted (check {@link #repositoryCount} first to answer ConflictException with a clear message; this
     * exception is what a concurrent CreateRepository leaves).
     *
     * @return false if no such domain
     * @throws ReferenceViolationException if the domain has repositories
     */
    boolean delete(String owner, String name);

    /** How many repositories the domain has; 0 if no such domain. */
    int repositoryCount(String owner, String name);

    /**
     * The paging key of {@code domain} for {@link #list}: {@code name + "/" + owner}. Domain names cannot contain
     * {@code '/'}, so the key splits back unambiguously.
     */
    static String pageKey(Domain domain) {
        return domain.name() + "/" + domain.owner();
    }
}
