package io.gatepass.store;

import io.gatepass.core.codeartifact.Repository;

import java.util.List;
import java.util.Optional;

/**
 * CodeArtifact repositories, keyed by domain owner, domain name and repository name, all matched exactly (repository
 * names are case-sensitive: {@code Npm} and {@code npm} are two repositories). Every repository belongs to an existing
 * {@link DomainStore domain}. Upstreams are kept as an ordered list of names; the store does not check that they name
 * repositories of the domain.
 */
public interface RepositoryStore {
    /**
     * @throws DuplicateEntityException    if the domain has a repository of exactly that name
     * @throws ReferenceViolationException if the domain does not exist (typically deleted meanwhile)
     * @throws IllegalArgumentException    if an upstream name is empty or contains {@code ','}
     */
    void create(Repository repository);

    Optional<Repository> find(String domainOwner, String domainName, String name);

    /**
     * Repositories of the domain whose names start with {@code prefixOrNull} (case-sensitive; null: all), ordered by
     * name (code point order), starting strictly after {@code afterName} (null: from the start), at most
     * {@code limit}. Ask for one more than the page size to learn whether more follow.
     *
     * @throws IllegalArgumentException if {@code limit} is not positive
     */
    List<Repository> listInDomain(String domainOwner, String domainName, String prefixOrNull, String afterName,
                                  int limit);

    /**
     * Repositories administered by the account, in every domain and of every domain owner (ListRepositories), whose
     * names start with {@code prefixOrNull} (case-sensitive; null: all), ordered by repository name, then domain name,
     * then domain owner (code point order), starting strictly after the repository whose {@link #administratorPageKey}
     * is {@code afterKey} (null: from the start), at most {@code limit}. Ask for one more than the page size to learn
     * whether more follow.
     *
     * @throws IllegalArgumentException if {@code limit} is not positive, or {@code afterKey} is not of the form
     *                                  {@code administratorPageKey} makes
     */
    List<Repository> listByAdministrator(String administratorAccount, String prefixOrNull, String afterKey, int limit);

    /**
     * Replaces the repository's description and upstreams with the values given (a null description clears it; the
     * caller merges members the request left out with the stored values).
     *
     * @return the repository as updated; empty if no such repository
     * @throws IllegalArgumentException if an upstream name is empty or contains {@code ','}
     */
    Optional<Repository> update(String domainOwner, String domainName, String name, String description,
                                List<String> upstreams);

    /**
     * Sets or removes the repository's external connection, only if it currently is {@code expectedOrNull} (a
     * compare-and-set: two AssociateExternalConnection calls at once cannot both win).
     *
     * @param connectionOrNull the connection's name, or null to remove it
     * @return the repository as updated; empty if there is no such repository or its connection was not
     * {@code expectedOrNull}
     */
    Optional<Repository> setExternalConnection(String domainOwner, String domainName, String name,
                                               String expectedOrNull, String connectionOrNull);

    /** @return the repository as it was when deleted (DeleteRepository returns it); empty if no such repository */
    Optional<Repository> delete(String domainOwner, String domainName, String name);

    /**
     * The paging key of {@code repository} for {@link #listByAdministrator}:
     * {@code name + "/" + domainName + "/" + domainOwner}. None of the parts can contain {@code '/'}.
     */
    static String administratorPageKey(Repository repository) {
        return repository.name() + "/" + repository.domainName() + "/" + repository.domainOwner();
    }
}
