package io.gatepass.core.codeartifact;

/**
 * The resource policy of a domain: a JSON policy document (at most 7168 characters) and the revision that identifies
 * this version of it, for optimistic locking ({@code policyRevision} on the wire). A new revision is made for every
 * put.
 */
public record DomainPolicy(String domainOwner, String domainName, String document, String revision) {
}
