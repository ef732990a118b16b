package io.gatepass.core.codeartifact;

import java.time.Instant;
import java.util.List;

/**
 * A CodeArtifact repository in a domain. Names ({@code [A-Za-z0-9][A-Za-z0-9._\-]{1,99}}) are unique per domain and
 * case-sensitive. {@code administratorAccount} is the account that created it (the domain owner, or another account
 * the domain policy allows); {@code description} may be null; {@code upstreams} are names of repositories in the same
 * domain, in the order they are searched (never null; copied, immutable); {@code externalConnection} is the name of
 * its external connection ({@code public:npmjs}, ...), or null (CodeArtifact allows one per repository).
 */
public record Repository(String domainOwner, String domainName, String name, String arn, String administratorAccount,
                         String description, List<String> upstreams, Instant createdTime, String externalConnection) {
    public Repository {
        upstreams = upstreams == null ? List.of() : List.copyOf(upstreams);
    }

    /** A repository without an external connection. */
    public Repository(String domainOwner, String domainName, String name, String arn, String administratorAccount,
                      String description, List<String> upstreams, Instant createdTime) {
        this(domainOwner, domainName, name, arn, administratorAccount, description, upstreams, createdTime, null);
    }

    /** This repository with another description and upstream list, as UpdateRepository leaves it. */
    public Repository withSettings(String newDescription, List<String> newUpstreams) {
        return new Repository(domainOwner, domainName, name, arn, administratorAccount, newDescription, newUpstreams,
                createdTime, externalConnection);
    }
}
