package io.gatepass.core.codeartifact;

/**
 * The resource policy of a repository (PutRepositoryPermissionsPolicy): a JSON policy document (at most 7168
 * characters) and the revision of this version of it, for optimistic locking. A new revision is made for every put.
 */
public record RepositoryPolicy(String domainOwner, String domainName, String repositoryName, String document,
                               String revision) {
}
