package io.gatepass.server.internal.api.codeartifact;

import java.time.Instant;
import java.util.List;

/** CodeArtifact input and output members, named as in the AWS model (camelCase on the wire). */
public final class CodeArtifactShapes {
    private CodeArtifactShapes() {
    }

    public record Tag(String key, String value) {
    }

    // Domains
    public record CreateDomainInput(String domain, String encryptionKey, List<Tag> tags) {
    }

    public record DomainInput(String domain, String domainOwner) {
    }

    public record DomainDescription(String name, String owner, String arn, String status, Instant createdTime,
                                    String encryptionKey, Integer repositoryCount, Long assetSizeBytes) {
    }

    public record DomainOutput(DomainDescription domain) {
    }

    public record ListDomainsInput(Integer maxResults, String nextToken) {
    }

    public record DomainSummary(String name, String owner, String arn, String status, Instant createdTime,
                                String encryptionKey) {
    }

    public record ListDomainsOutput(List<DomainSummary> domains, String nextToken) {
    }

    // Domain permissions policies
    public record PutDomainPermissionsPolicyInput(String domain, String domainOwner, String policyRevision,
                                                  String policyDocument) {
    }

    public record DeleteDomainPermissionsPolicyInput(String domain, String domainOwner, String policyRevision) {
    }

    public record ResourcePolicy(String resourceArn, String revision, String document) {
    }

    // Repository permissions policies
    public record PutRepositoryPermissionsPolicyInput(String domain, String domainOwner, String repository,
                                                      String policyRevision, String policyDocument) {
    }

    public record DeleteRepositoryPermissionsPolicyInput(String domain, String domainOwner, String repository,
                                                         String policyRevision) {
    }

    public record PolicyOutput(ResourcePolicy policy) {
    }

    // Repositories
    public record UpstreamRepository(String repositoryName) {
    }

    public record CreateRepositoryInput(String domain, String domainOwner, String repository, String description,
                                        List<UpstreamRepository> upstreams, List<Tag> tags) {
    }

    public record UpdateRepositoryInput(String domain, String domainOwner, String repository, String description,
                                        List<UpstreamRepository> upstreams) {
    }

    public record RepositoryInput(String domain, String domainOwner, String repository) {
    }

    public record RepositoryDescription(String name, String administratorAccount, String domainName,
                                        String domainOwner, String arn, String description,
                                        List<UpstreamRepository> upstreams,
                                        List<RepositoryExternalConnectionInfo> externalConnections,
                                        Instant createdTime) {
    }

    public record RepositoryOutput(RepositoryDescription repository) {
    }

    public record RepositoryExternalConnectionInfo(String externalConnectionName, String packageFormat,
                                                   String status) {
    }

    public record ExternalConnectionInput(String domain, String domainOwner, String repository,
                                          String externalConnection) {
    }

    public record ListRepositoriesInput(String repositoryPrefix, Integer maxResults, String nextToken) {
    }

    public record ListRepositoriesInDomainInput(String domain, String domainOwner, String administratorAccount,
                                                String repositoryPrefix, Integer maxResults, String nextToken) {
    }

    public record RepositorySummary(String name, String administratorAccount, String domainName, String domainOwner,
                                    String arn, String description, Instant createdTime) {
    }

    public record ListRepositoriesOutput(List<RepositorySummary> repositories, String nextToken) {
    }

    public record GetRepositoryEndpointInput(String domain, String domainOwner, String repository, String format,
                                             String endpointType) {
    }

    public record GetRepositoryEndpointOutput(String repositoryEndpoint) {
    }

    // Authorization tokens
    public record GetAuthorizationTokenInput(String domain, String domainOwner, Long durationSeconds) {
    }

    public record GetAuthorizationTokenOutput(String authorizationToken, Instant expiration) {
        @Override
        public String toString() {
            return "GetAuthorizationTokenOutput[expires " + expiration + "]";
        }
    }
}
