package io.gatepass.store;

import io.gatepass.core.codeartifact.RepositoryPolicy;

import java.util.Optional;

/**
 * Repository permissions policies, at most one per repository, with optimistic locking on their revision exactly as
 * {@link DomainPolicyStore}. A policy goes with its repository ({@link RepositoryStore#delete}).
 */
public interface RepositoryPolicyStore {
    /**
     * Sets the repository's policy: unconditionally if {@code expectedRevisionOrNull} is null, else only if the
     * stored policy has exactly that revision.
     *
     * @return false (and nothing changed) if a revision was expected and the stored policy has another, or none
     * @throws ReferenceViolationException if the repository does not exist
     */
    boolean put(RepositoryPolicy newPolicy, String expectedRevisionOrNull);

    Optional<RepositoryPolicy> find(String domainOwner, String domainName, String repositoryName);

    /**
     * Deletes the repository's policy: unconditionally if {@code expectedRevisionOrNull} is null, else only if the
     * stored policy has exactly that revision.
     *
     * @return the policy deleted; empty if the repository has none
     * @throws RevisionMismatchException if a revision was expected and the stored policy has another
     */
    Optional<RepositoryPolicy> delete(String domainOwner, String domainName, String repositoryName,
                                      String expectedRevisionOrNull);
}
