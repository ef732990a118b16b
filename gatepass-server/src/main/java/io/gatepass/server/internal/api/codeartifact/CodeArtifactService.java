package io.gatepass.server.internal.api.codeartifact;

import io.gatepass.core.codeartifact.PackageChanges;
import io.gatepass.core.id.IdGenerator;
import io.gatepass.core.token.RepositoryTokenSubject;
import io.gatepass.core.token.RepositoryTokens;
import io.gatepass.core.token.TokenAuthority;
import io.gatepass.server.internal.api.Naming;
import io.gatepass.server.internal.api.ErrorSpelling;
import io.gatepass.server.internal.api.OperationTable;
import io.gatepass.server.internal.api.ServiceDescriptor;
import io.gatepass.server.internal.api.codeartifact.CodeArtifactShapes.*;
import io.gatepass.server.internal.auth.Authorizer;
import io.gatepass.server.internal.api.rest.RestRoute;
import io.gatepass.store.BlobStore;
import io.gatepass.store.Store;

import java.util.function.Supplier;

/** CodeArtifact over restJson1: paths and query names as in the AWS model. */
public final class CodeArtifactService {
    public static final ServiceDescriptor DESCRIPTOR = new ServiceDescriptor("codeartifact", "CodeArtifact",
            Naming.CAMEL_CASE, CodeArtifactErrors.VALIDATION,
            ErrorSpelling.json(CodeArtifactErrors.values()));

    private CodeArtifactService() {
    }

    /**
     * Every operation, the package read and write APIs included.
     *
     * @param publicUrl the base URL package clients reach this server at, for GetRepositoryEndpoint
     * @param blobs     where the package endpoints keep asset bytes (GetPackageVersionAsset, PublishPackageVersion)
     * @param changes   told of every package the write APIs change, so the package endpoints' caches drop it
     */
    public static void register(OperationTable table, Store store, Authorizer authorizer,
                                String region, TokenAuthority<RepositoryTokenSubject, RepositoryTokens> tokens,
                                Supplier<String> publicUrl,
                                BlobStore blobs, PackageChanges changes, IdGenerator ids) {
        register(table, store, authorizer, region, tokens, publicUrl, ids);
        CodeArtifactSupport support = new CodeArtifactSupport(authorizer, store, region, ids);
        PackageOperations.register(table, support, store, blobs, region, changes);
        PackageWriteOperations.register(table, support, store, blobs, region, changes);
    }

    /**
     * Domains, repositories, their policies and tokens (no package APIs).
     *
     * @param publicUrl the base URL package clients reach this server at, for GetRepositoryEndpoint
     */
    public static void register(OperationTable table, Store store, Authorizer authorizer,
                                String region, TokenAuthority<RepositoryTokenSubject, RepositoryTokens> tokens,
                                Supplier<String> publicUrl,
                                IdGenerator ids) {
        CodeArtifactSupport support = new CodeArtifactSupport(authorizer, store, region, ids);
        DomainOperations domains = new DomainOperations(support, store);
        RepositoryOperations repositories = new RepositoryOperations(support, store, publicUrl);
        RepositoryPolicyOperations repositoryPolicies = new RepositoryPolicyOperations(support, store);
        AuthorizationTokenOperations authorization = new AuthorizationTokenOperations(support, authorizer, tokens);
        ServiceDescriptor c = DESCRIPTOR;
        table.add(c, "CreateDomain", CreateDomainInput.class, domains::createDomain)
                .add(c, "DescribeDomain", DomainInput.class, domains::describeDomain)
                .add(c, "ListDomains", ListDomainsInput.class, domains::listDomains)
                .add(c, "DeleteDomain", DomainInput.class, domains::deleteDomain)
                .add(c, "PutDomainPermissionsPolicy", PutDomainPermissionsPolicyInput.class,
                        domains::putDomainPermissionsPolicy)
                .add(c, "GetDomainPermissionsPolicy", DomainInput.class, domains::getDomainPermissionsPolicy)
                .add(c, "DeleteDomainPermissionsPolicy", DeleteDomainPermissionsPolicyInput.class,
                        domains::deleteDomainPermissionsPolicy)
                .add(c, "CreateRepository", CreateRepositoryInput.class, repositories::createRepository)
                .add(c, "DescribeRepository", RepositoryInput.class, repositories::describeRepository)
                .add(c, "UpdateRepository", UpdateRepositoryInput.class, repositories::updateRepository)
                .add(c, "ListRepositories", ListRepositoriesInput.class, repositories::listRepositories)
                .add(c, "ListRepositoriesInDomain", ListRepositoriesInDomainInput.class,
                        repositories::listRepositoriesInDomain)
                .add(c, "DeleteRepository", RepositoryInput.class, repositories::deleteRepository)
                .add(c, "GetRepositoryEndpoint", GetRepositoryEndpointInput.class, repositories::getRepositoryEndpoint)
                .add(c, "AssociateExternalConnection", ExternalConnectionInput.class,
                        repositories::associateExternalConnection)
                .add(c, "DisassociateExternalConnection", ExternalConnectionInput.class,
                        repositories::disassociateExternalConnection)
                .add(c, "GetAuthorizationToken", GetAuthorizationTokenInput.class,
                        authorization::getAuthorizationToken)
                .add(c, "PutRepositoryPermissionsPolicy", PutRepositoryPermissionsPolicyInput.class,
                        repositoryPolicies::putRepositoryPermissionsPolicy)
                .add(c, "GetRepositoryPermissionsPolicy", RepositoryInput.class,
                        repositoryPolicies::getRepositoryPermissionsPolicy)
                .add(c, "DeleteRepositoryPermissionsPolicy", DeleteRepositoryPermissionsPolicyInput.class,
                        repositoryPolicies::deleteRepositoryPermissionsPolicy);
        table.route(c,
                domain(RestRoute.of("POST", "/v1/domain", "CreateDomain")),
                owned(RestRoute.of("GET", "/v1/domain", "DescribeDomain")),
                RestRoute.of("POST", "/v1/domains", "ListDomains"),
                owned(RestRoute.of("DELETE", "/v1/domain", "DeleteDomain")),
                RestRoute.of("PUT", "/v1/domain/permissions/policy", "PutDomainPermissionsPolicy"),
                owned(RestRoute.of("GET", "/v1/domain/permissions/policy", "GetDomainPermissionsPolicy")),
                owned(RestRoute.of("DELETE", "/v1/domain/permissions/policy", "DeleteDomainPermissionsPolicy"))
                        .query("policy-revision", "policyRevision"),
                repository(RestRoute.of("POST", "/v1/repository", "CreateRepository")),
                repository(RestRoute.of("GET", "/v1/repository", "DescribeRepository")),
                repository(RestRoute.of("PUT", "/v1/repository", "UpdateRepository")),
                listing(RestRoute.of("POST", "/v1/repositories", "ListRepositories")),
                listing(owned(RestRoute.of("POST", "/v1/domain/repositories", "ListRepositoriesInDomain")))
                        .query("administrator-account", "administratorAccount"),
                repository(RestRoute.of("DELETE", "/v1/repository", "DeleteRepository")),
                repository(RestRoute.of("GET", "/v1/repository/endpoint", "GetRepositoryEndpoint"))
                        .query("format", "format").query("endpointType", "endpointType"),
                repository(RestRoute.of("POST", "/v1/repository/external-connection", "AssociateExternalConnection"))
                        .query("external-connection", "externalConnection"),
                repository(RestRoute.of("DELETE", "/v1/repository/external-connection",
                        "DisassociateExternalConnection")).query("external-connection", "externalConnection"),
                owned(RestRoute.of("POST", "/v1/authorization-token", "GetAuthorizationToken"))
                        .query("duration", "durationSeconds"),
                repository(RestRoute.of("PUT", "/v1/repository/permissions/policy", "PutRepositoryPermissionsPolicy")),
                repository(RestRoute.of("GET", "/v1/repository/permissions/policy", "GetRepositoryPermissionsPolicy")),
                repository(RestRoute.of("DELETE", "/v1/repository/permissions/policies",
                        "DeleteRepositoryPermissionsPolicy")).query("policy-revision", "policyRevision"));
    }

    private static RestRoute domain(RestRoute route) {
        return route.query("domain", "domain");
    }

    private static RestRoute owned(RestRoute route) {
        return domain(route).query("domain-owner", "domainOwner");
    }

    private static RestRoute repository(RestRoute route) {
        return owned(route).query("repository", "repository");
    }

    private static RestRoute listing(RestRoute route) {
        return route.query("repository-prefix", "repositoryPrefix").query("max-results", "maxResults")
                .query("next-token", "nextToken");
    }
}
