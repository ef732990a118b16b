package io.gatepass.server.internal.api.codeartifact;

import io.gatepass.core.codeartifact.Domain;
import io.gatepass.core.codeartifact.ExternalConnection;
import io.gatepass.core.codeartifact.Repository;
import io.gatepass.server.internal.api.CallContext;
import io.gatepass.server.internal.api.Paging;
import io.gatepass.server.internal.api.codeartifact.CodeArtifactShapes.CreateRepositoryInput;
import io.gatepass.server.internal.api.codeartifact.CodeArtifactShapes.ExternalConnectionInput;
import io.gatepass.server.internal.api.codeartifact.CodeArtifactShapes.RepositoryExternalConnectionInfo;
import io.gatepass.server.internal.api.codeartifact.CodeArtifactShapes.GetRepositoryEndpointInput;
import io.gatepass.server.internal.api.codeartifact.CodeArtifactShapes.GetRepositoryEndpointOutput;
import io.gatepass.server.internal.api.codeartifact.CodeArtifactShapes.ListRepositoriesInDomainInput;
import io.gatepass.server.internal.api.codeartifact.CodeArtifactShapes.ListRepositoriesInput;
import io.gatepass.server.internal.api.codeartifact.CodeArtifactShapes.ListRepositoriesOutput;
import io.gatepass.server.internal.api.codeartifact.CodeArtifactShapes.RepositoryDescription;
import io.gatepass.server.internal.api.codeartifact.CodeArtifactShapes.RepositoryInput;
import io.gatepass.server.internal.api.codeartifact.CodeArtifactShapes.RepositoryOutput;
import io.gatepass.server.internal.api.codeartifact.CodeArtifactShapes.RepositorySummary;
import io.gatepass.server.internal.api.codeartifact.CodeArtifactShapes.UpdateRepositoryInput;
import io.gatepass.server.internal.api.codeartifact.CodeArtifactShapes.UpstreamRepository;
import io.gatepass.store.DuplicateEntityException;
import io.gatepass.store.RepositoryStore;
import io.gatepass.store.Store;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * CreateRepository, DescribeRepository, UpdateRepository, ListRepositories, ListRepositoriesInDomain,
 * DeleteRepository and GetRepositoryEndpoint.
 */
final class RepositoryOperations {
    private static final int MAX_UPSTREAMS = 10;
    private static final java.util.regex.Pattern CONNECTION_NAME =
            java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._\\-:]{1,99}");

    private final CodeArtifactSupport support;
    private final Store store;
    private final Supplier<String> publicUrl;

    /** @param publicUrl the base URL clients reach this server at (no trailing slash) */
    RepositoryOperations(CodeArtifactSupport support, Store store, Supplier<String> publicUrl) {
        this.support = support;
        this.store = store;
        this.publicUrl = publicUrl;
    }

    RepositoryOutput createRepository(CreateRepositoryInput input, CallContext context) {
        Target target = target(input.domain(), input.domainOwner(), input.repository(), context);
        String description = description(input.description());
        Domain domain = support.authorizedDomain(context, target.owner, target.domain,
                target.arn, Map.of());
        List<String> upstreams = upstreams(domain, input.upstreams(), target.repository, context);
        Repository repository = new Repository(domain.owner(), domain.name(), target.repository, target.arn,
                context.principal().accountId(), description, upstreams,
                context.now().truncatedTo(ChronoUnit.MILLIS));
        try {
            store.repositories().create(repository);
        } catch (DuplicateEntityException e) {
            throw CodeArtifactErrors.CONFLICT.exception("Repository %s already exists in domain %s.",
                    target.repository, target.domain);
        }
        return new RepositoryOutput(description(repository));
    }

    RepositoryOutput describeRepository(RepositoryInput input, CallContext context) {
        return new RepositoryOutput(description(find(input.domain(), input.domainOwner(), input.repository(),
                context)));
    }

    RepositoryOutput updateRepository(UpdateRepositoryInput input, CallContext context) {
        Repository current = find(input.domain(), input.domainOwner(), input.repository(), context);
        String description = input.description() == null ? current.description() : description(input.description());
        Domain domain = store.domains().find(current.domainOwner(), current.domainName()).orElseThrow(() ->
                missingRepository(current.name(), current.domainName()));
        // without upstreams: the same ones, less those deleted since (CodeArtifact leaves a deleted upstream listed
        // until UpdateRepository is called)
        List<String> upstreams = input.upstreams() == null ? current.upstreams().stream()
                .filter(name -> store.repositories().find(domain.owner(), domain.name(), name).isPresent()).toList()
                : upstreams(domain, input.upstreams(), current.name(), context);
        Repository updated = store.repositories().update(current.domainOwner(), current.domainName(), current.name(),
                description, upstreams).orElseThrow(() -> missingRepository(current.name(), current.domainName()));
        return new RepositoryOutput(description(updated));
    }

    RepositoryOutput deleteRepository(RepositoryInput input, CallContext context) {
        Repository repository = find(input.domain(), input.domainOwner(), input.repository(), context);
        Repository deleted = store.repositories().delete(repository.domainOwner(), repository.domainName(),
                repository.name()).orElseThrow(() -> missingRepository(repository.name(), repository.domainName()));
        return new RepositoryOutput(description(deleted));
    }

    ListRepositoriesOutput listRepositories(ListRepositoriesInput input, CallContext context) {
        String prefix = prefix(input.repositoryPrefix());
        int limit = support.maxResults(input.maxResults());
        String after = support.after(input.nextToken());
        support.authorizeAccount(context);
        Paging.Page<Repository> page = Paging.of(support.page(() -> store.repositories().listByAdministrator(
                context.principal().accountId(), prefix, after, limit + 1)), limit,
                RepositoryStore::administratorPageKey);
        return new ListRepositoriesOutput(page.items().stream().map(RepositoryOperations::summary).toList(),
                page.nextToken());
    }

    ListRepositoriesOutput listRepositoriesInDomain(ListRepositoriesInDomainInput input, CallContext context) {
        String name = support.domainName(input.domain());
        String owner = support.owner(input.domainOwner(), context);
        String administrator = input.administratorAccount() == null ? null : support.validation.requiredString(
                "administratorAccount", input.administratorAccount(), 12, 12, CodeArtifactSupport.ACCOUNT_ID);
        String prefix = prefix(input.repositoryPrefix());
        int limit = support.maxResults(input.maxResults());
        String after = support.after(input.nextToken());
        support.authorizedDomain(context, owner, name);
        List<Repository> matching = new ArrayList<>();
        String cursor = after;
        // The administrator filter is applied here; fetch until a page is full or the domain is exhausted.
        while (matching.size() <= limit) {
            List<Repository> batch = store.repositories().listInDomain(owner, name, prefix, cursor, limit + 1);
            for (Repository repository : batch) {
                if (administrator == null || administrator.equals(repository.administratorAccount())) {
                    matching.add(repository);
                }
            }
            if (batch.size() <= limit) {
                break;
            }
            cursor = batch.get(batch.size() - 1).name();
        }
        Paging.Page<Repository> page = Paging.of(matching.subList(0, Math.min(matching.size(), limit + 1)), limit,
                Repository::name);
        return new ListRepositoriesOutput(page.items().stream().map(RepositoryOperations::summary).toList(),
                page.nextToken());
    }

    GetRepositoryEndpointOutput getRepositoryEndpoint(GetRepositoryEndpointInput input, CallContext context) {
        String format = support.validation.oneOf("format", support.validation.required("format", input.format()),
                PackageFormat.class).name();
        support.validation.oneOf("endpointType", input.endpointType(), EndpointType.class);
        Repository repository = find(input.domain(), input.domainOwner(), input.repository(), context);
        return new GetRepositoryEndpointOutput(endpoint(repository, format));
    }

    /** The package endpoint of a repository for one format, ending in '/'. */
    String endpoint(Repository repository, String format) {
        return publicUrl.get() + "/codeartifact/" + repository.domainName() + "-" + repository.domainOwner() + "/"
                + format + "/" + repository.name() + "/";
    }

    private Repository find(String domainValue, String ownerValue, String nameValue, CallContext context) {
        Target target = target(domainValue, ownerValue, nameValue, context);
        support.authorizedDomain(context, target.owner, target.domain, target.arn, Map.of());
        return store.repositories().find(target.owner, target.domain, target.repository)
                .orElseThrow(() -> missingRepository(target.repository, target.domain));
    }

    private Target target(String domainValue, String ownerValue, String nameValue, CallContext context) {
        String domain = support.domainName(domainValue);
        String owner = support.owner(ownerValue, context);
        String repository = support.repositoryName("repository", nameValue);
        return new Target(owner, domain, repository, support.repositoryArn(owner, domain, repository));
    }

    /**
     * The upstream names requested, checked as CodeArtifact does: at most 10, each an existing repository of the
     * domain, none twice, not the repository itself, the caller allowed {@code AssociateWithDownstreamRepository}
     * on each, and no cycle (no upstream reaches the repository again through its own upstreams).
     */
    private List<String> upstreams(Domain domain, List<UpstreamRepository> requested, String self,
                                   CallContext context) {
        if (requested == null) {
            return List.of();
        }
        if (requested.size() > MAX_UPSTREAMS) {
            throw CodeArtifactErrors.QUOTA_EXCEEDED.exception("A repository can have at most %d upstreams.",
                    MAX_UPSTREAMS);
        }
        List<String> names = new ArrayList<>();
        for (UpstreamRepository upstream : requested) {
            String name = support.repositoryName("upstreams.repositoryName",
                    upstream == null ? null : upstream.repositoryName());
            if (name.equals(self) || names.contains(name)) {
                throw CodeArtifactErrors.VALIDATION.exception(
                        "Upstream %s is listed twice or is the repository itself.", name);
            }
            support.authorizeInRepository(context, "codeartifact:AssociateWithDownstreamRepository", domain.owner(),
                    domain.name(), name, support.repositoryArn(domain.owner(), domain.name(), name));
            if (store.repositories().find(domain.owner(), domain.name(), name).isEmpty()) {
                throw missingRepository(name, domain.name());
            }
            names.add(name);
        }
        for (String name : names) {
            if (reaches(domain, name, self, new java.util.HashSet<>())) {
                throw CodeArtifactErrors.VALIDATION.exception("Upstream %s would create a cycle: repository %s is "
                        + "already upstream of it.", name, self);
            }
        }
        return names;
    }

    /** Whether {@code self} is {@code from} or among its upstreams, transitively. */
    private boolean reaches(Domain domain, String from, String self, java.util.Set<String> seen) {
        if (from.equals(self)) {
            return true;
        }
        if (!seen.add(from)) {
            return false;
        }
        Repository repository = store.repositories().find(domain.owner(), domain.name(), from).orElse(null);
        if (repository == null) {
            return false;
        }
        for (String upstream : repository.upstreams()) {
            if (reaches(domain, upstream, self, seen)) {
                return true;
            }
        }
        return false;
    }

    RepositoryOutput associateExternalConnection(ExternalConnectionInput input, CallContext context) {
        String name = connectionName(input.externalConnection());
        Repository current = find(input.domain(), input.domainOwner(), input.repository(), context);
        ExternalConnection connection = ExternalConnection.named(name).orElseThrow(() ->
                CodeArtifactErrors.VALIDATION.exception("%s is not an external connection. Valid names: %s.", name,
                        String.join(", ", ExternalConnection.KNOWN.stream().map(ExternalConnection::name).toList())));
        if (name.equals(current.externalConnection())) {
            throw CodeArtifactErrors.CONFLICT.exception("Repository %s is already associated with external "
                    + "connection %s.", current.name(), name);
        }
        if (current.externalConnection() != null) {
            throw CodeArtifactErrors.QUOTA_EXCEEDED.exception("Repository %s already has external connection %s: "
                    + "a repository can have one external connection.", current.name(), current.externalConnection());
        }
        Repository updated = store.repositories().setExternalConnection(current.domainOwner(),
                current.domainName(), current.name(), null, connection.name()).orElseThrow(() ->
                CodeArtifactErrors.CONFLICT.exception("Repository %s changed meanwhile; try again.", current.name()));
        return new RepositoryOutput(description(updated));
    }

    RepositoryOutput disassociateExternalConnection(ExternalConnectionInput input, CallContext context) {
        String name = connectionName(input.externalConnection());
        Repository current = find(input.domain(), input.domainOwner(), input.repository(), context);
        if (!name.equals(current.externalConnection())) {
            throw CodeArtifactErrors.NOT_FOUND.exception("Repository %s is not associated with external connection "
                    + "%s.", current.name(), name);
        }
        Repository updated = store.repositories().setExternalConnection(current.domainOwner(),
                current.domainName(), current.name(), name, null).orElseThrow(() ->
                CodeArtifactErrors.CONFLICT.exception("Repository %s changed meanwhile; try again.", current.name()));
        return new RepositoryOutput(description(updated));
    }

    private String connectionName(String value) {
        return support.validation.requiredString("externalConnection", value, 2, 100, CONNECTION_NAME);
    }

    private String description(String value) {
        return support.validation.optionalString("description", value, 0, 1000, CodeArtifactSupport.DESCRIPTION);
    }

    private String prefix(String value) {
        return value == null ? null : support.repositoryName("repositoryPrefix", value);
    }

    private static io.gatepass.core.error.ServiceException missingRepository(String name, String domain) {
        return CodeArtifactErrors.NOT_FOUND.exception("Repository %s not found in domain %s.", name, domain);
    }

    static RepositoryDescription description(Repository repository) {
        return new RepositoryDescription(repository.name(), repository.administratorAccount(),
                repository.domainName(), repository.domainOwner(), repository.arn(), repository.description(),
                repository.upstreams().stream().map(UpstreamRepository::new).toList(),
                repository.externalConnection() == null ? List.of()
                        : List.of(new RepositoryExternalConnectionInfo(repository.externalConnection(),
                        ExternalConnection.named(repository.externalConnection()).map(ExternalConnection::format)
                                .orElse(null), "Available")),
                repository.createdTime());
    }

    private static RepositorySummary summary(Repository repository) {
        return new RepositorySummary(repository.name(), repository.administratorAccount(), repository.domainName(),
                repository.domainOwner(), repository.arn(), repository.description(), repository.createdTime());
    }

    private record Target(String owner, String domain, String repository, String arn) {
    }

    enum PackageFormat { npm, pypi, maven, nuget, generic, ruby, swift, cargo }

    enum EndpointType { dualstack, ipv4 }
}
