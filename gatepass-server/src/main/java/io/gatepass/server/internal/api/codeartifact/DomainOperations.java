package io.gatepass.server.internal.api.codeartifact;

import io.gatepass.core.codeartifact.Domain;
import io.gatepass.core.codeartifact.DomainPolicy;
import io.gatepass.core.policy.MalformedPolicyException;
import io.gatepass.core.policy.PolicyDocument;
import io.gatepass.core.policy.PolicyKind;
import io.gatepass.server.internal.api.CallContext;
import io.gatepass.server.internal.api.Paging;
import io.gatepass.server.internal.api.codeartifact.CodeArtifactShapes.CreateDomainInput;
import io.gatepass.server.internal.api.codeartifact.CodeArtifactShapes.DeleteDomainPermissionsPolicyInput;
import io.gatepass.server.internal.api.codeartifact.CodeArtifactShapes.DomainDescription;
import io.gatepass.server.internal.api.codeartifact.CodeArtifactShapes.DomainInput;
import io.gatepass.server.internal.api.codeartifact.CodeArtifactShapes.DomainOutput;
import io.gatepass.server.internal.api.codeartifact.CodeArtifactShapes.DomainSummary;
import io.gatepass.server.internal.api.codeartifact.CodeArtifactShapes.ListDomainsInput;
import io.gatepass.server.internal.api.codeartifact.CodeArtifactShapes.ListDomainsOutput;
import io.gatepass.server.internal.api.codeartifact.CodeArtifactShapes.PolicyOutput;
import io.gatepass.server.internal.api.codeartifact.CodeArtifactShapes.PutDomainPermissionsPolicyInput;
import io.gatepass.server.internal.api.codeartifact.CodeArtifactShapes.ResourcePolicy;
import io.gatepass.store.DomainStore;
import io.gatepass.store.DuplicateEntityException;
import io.gatepass.store.ReferenceViolationException;
import io.gatepass.store.RevisionMismatchException;
import io.gatepass.store.Store;

import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/** CreateDomain, DescribeDomain, ListDomains, DeleteDomain and the domain permissions policy operations. */
final class DomainOperations {
    private static final Pattern POLICY_DOCUMENT = Pattern.compile("[\\P{C}\\s]+");

    private final CodeArtifactSupport support;
    private final Store store;

    DomainOperations(CodeArtifactSupport support, Store store) {
        this.support = support;
        this.store = store;
    }

    DomainOutput createDomain(CreateDomainInput input, CallContext context) {
        String name = support.domainName(input.domain());
        String key = support.validation.optionalString("encryptionKey", input.encryptionKey(), 1, 1011,
                CodeArtifactSupport.NON_BLANK);
        String owner = context.principal().accountId();
        String arn = support.domainArn(owner, name);
        support.authorizedDomainAbsent(context, owner, name, arn);
        Domain domain = new Domain(owner, name, arn, "Active", context.now().truncatedTo(ChronoUnit.MILLIS), key);
        try {
            store.domains().create(domain);
        } catch (DuplicateEntityException e) {
            throw CodeArtifactErrors.CONFLICT.exception("Domain %s already exists in account %s.", name, owner);
        }
        return new DomainOutput(description(domain, 0, 0L));
    }

    DomainOutput describeDomain(DomainInput input, CallContext context) {
        String name = support.domainName(input.domain());
        String owner = support.owner(input.domainOwner(), context);
        Domain domain = support.authorizedDomain(context, owner, name);
        return new DomainOutput(description(domain, store.domains().repositoryCount(owner, name),
                store.packages().assetSizeBytes(owner, name)));
    }

    ListDomainsOutput listDomains(ListDomainsInput input, CallContext context) {
        int limit = support.maxResults(input.maxResults());
        String after = support.after(input.nextToken());
        String account = context.principal().accountId();
        support.authorizeAccount(context);
        Paging.Page<Domain> page = Paging.of(support.page(() -> store.domains().list(account, after, limit + 1)),
                limit, DomainStore::pageKey);
        return new ListDomainsOutput(page.items().stream().map(d -> new DomainSummary(d.name(), d.owner(), d.arn(),
                d.status(), d.createdTime(), d.encryptionKey())).toList(), page.nextToken());
    }

    DomainOutput deleteDomain(DomainInput input, CallContext context) {
        String name = support.domainName(input.domain());
        String owner = support.owner(input.domainOwner(), context);
        Domain domain = support.authorizedDomain(context, owner, name);
        try {
            if (!store.domains().delete(owner, name)) {
                throw CodeArtifactErrors.NOT_FOUND.exception("Domain %s owned by %s not found.", name, owner);
            }
        } catch (ReferenceViolationException e) {
            throw CodeArtifactErrors.CONFLICT.exception(
                    "Domain %s still has repositories; delete them before the domain.", name);
        }
        return new DomainOutput(new DomainDescription(domain.name(), domain.owner(), domain.arn(), "Deleted",
                domain.createdTime(), domain.encryptionKey(), 0, 0L));
    }

    PolicyOutput putDomainPermissionsPolicy(PutDomainPermissionsPolicyInput input, CallContext context) {
        String name = support.domainName(input.domain());
        String owner = support.owner(input.domainOwner(), context);
        String expected = support.validation.optionalString("policyRevision", input.policyRevision(), 1, 100,
                CodeArtifactSupport.NON_BLANK);
        String document = support.validation.requiredString("policyDocument", input.policyDocument(), 1, 7168,
                POLICY_DOCUMENT);
        Domain domain = support.authorizedDomain(context, owner, name);
        try {
            PolicyDocument.parse(document, PolicyKind.RESOURCE);
        } catch (MalformedPolicyException e) {
            throw CodeArtifactErrors.VALIDATION.exception("Invalid policy document: %s", e.getMessage());
        }
        DomainPolicy policy = new DomainPolicy(owner, name, document, support.ids.revision());
        if (!store.domainPolicies().put(policy, expected)) {
            throw CodeArtifactErrors.CONFLICT.exception(
                    "The policy revision %s does not match the domain's current policy.", expected);
        }
        return new PolicyOutput(new ResourcePolicy(domain.arn(), policy.revision(), policy.document()));
    }

    PolicyOutput getDomainPermissionsPolicy(DomainInput input, CallContext context) {
        String name = support.domainName(input.domain());
        String owner = support.owner(input.domainOwner(), context);
        Domain domain = support.authorizedDomain(context, owner, name);
        DomainPolicy policy = store.domainPolicies().find(owner, name).orElseThrow(() ->
                CodeArtifactErrors.NOT_FOUND.exception("Domain %s has no permissions policy.", name));
        return new PolicyOutput(new ResourcePolicy(domain.arn(), policy.revision(), policy.document()));
    }

    PolicyOutput deleteDomainPermissionsPolicy(DeleteDomainPermissionsPolicyInput input, CallContext context) {
        String name = support.domainName(input.domain());
        String owner = support.owner(input.domainOwner(), context);
        String expected = support.validation.optionalString("policyRevision", input.policyRevision(), 1, 100,
                CodeArtifactSupport.NON_BLANK);
        Domain domain = support.authorizedDomain(context, owner, name);
        try {
            DomainPolicy deleted = store.domainPolicies().delete(owner, name, expected).orElseThrow(() ->
                    CodeArtifactErrors.NOT_FOUND.exception("Domain %s has no permissions policy.", name));
            return new PolicyOutput(new ResourcePolicy(domain.arn(), deleted.revision(), deleted.document()));
        } catch (RevisionMismatchException e) {
            throw CodeArtifactErrors.CONFLICT.exception(
                    "The policy revision %s does not match the domain's current policy.", expected);
        }
    }

    static DomainDescription description(Domain domain, int repositoryCount, long assetSizeBytes) {
        return new DomainDescription(domain.name(), domain.owner(), domain.arn(), domain.status(),
                domain.createdTime(), domain.encryptionKey(), repositoryCount, assetSizeBytes);
    }
}
