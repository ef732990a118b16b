package io.gatepass.store;

import io.gatepass.core.codeartifact.DomainPolicy;

import java.util.Optional;

/**
 * Domain permissions policies, at most one per domain, with optimistic locking on their revision: a write that names
 * the revision it expects fails when another write came first. Revisions are made by the caller (new for every put)
 * and compared exactly. A policy goes with its domain ({@link DomainStore#delete}).
 */
public interface DomainPolicyStore {
    /**
     * Sets the domain's policy to {@code newPolicy}: unconditionally if {@code expectedRevisionOrNull} is null
     * (creating or replacing it), else only if the stored policy has exactly that revision. Of several callers
     * expecting the same revision, on any node, exactly one succeeds.
     *
     * @return false (and nothing changed) if a revision was expected and the stored policy has another, or none
     * @throws ReferenceViolationException if the domain does not exist
     */
    boolean put(DomainPolicy newPolicy, String expectedRevisionOrNull);

    Optional<DomainPolicy> find(String domainOwner, String domainName);

    /**
     * Deletes the domain's policy: unconditionally if {@code expectedRevisionOrNull} is null, else only if the stored
     * policy has exactly that revision.
     *
     * @return the policy deleted; empty if the domain has none
     * @throws RevisionMismatchException if a revision was expected and the stored policy has another (nothing is
     *                                   deleted)
     */
    Optional<DomainPolicy> delete(String domainOwner, String domainName, String expectedRevisionOrNull);
}
