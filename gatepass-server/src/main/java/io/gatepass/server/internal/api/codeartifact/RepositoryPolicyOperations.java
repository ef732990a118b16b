package io.gatepass.server.internal.api.codeartifact;

import io.gatepass.core.codeartifact.Repository;
import io.gatepass.core.codeartifact.RepositoryPolicy;
import io.gatepass.core.policy.MalformedPolicyException;
import io.gatepass.core.policy.PolicyDocument;
import io.gatepass.core.policy.PolicyKind;
import io.gatepass.server.internal.api.CallContext;
import io.gatepass.server.internal.api.codeartifact.CodeArtifactShapes.DeleteRepositoryPermissionsPolicyInput;
import io.gatepass.server.internal.api.codeartifact.CodeArtifactShapes.PolicyOutput;
import io.gatepass.server.internal.api.codeartifact.CodeArtifactShapes.PutRepositoryPermissionsPolicyInput;
import io.gatepass.server.internal.api.codeartifact.CodeArtifactShapes.RepositoryInput;
import io.gatepass.server.internal.api.codeartifact.CodeArtifactShapes.ResourcePolicy;
import io.gatepass.store.ReferenceViolationException;
import io.gatepass.store.RevisionMismatchException;
import io.gatepass.store.Store;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * PutRepositoryPermissionsPolicy, GetRepositoryPermissionsPolicy and DeleteRepositoryPermissionsPolicy: the resource
 * policy of a repository, which the package endpoints evaluate beside the identity policies and the domain's policy.
 */
final class RepositoryPolicyOperations {
    private static final Pattern POLICY_DOCUMENT = Pattern.compile("[\\P{C}\\s]+");

    private final CodeArtifactSupport support;
    private final Store store;

    RepositoryPolicyOperations(CodeArtifactSupport support, Store store) {
        this.support = support;
        this.store = store;
    }

    PolicyOutput putRepositoryPermissionsPolicy(PutRepositoryPermissionsPolicyInput input, CallContext context) {
        Target target = target(input.domain(), input.domainOwner(), input.repository(), context);
        String expected = support.validation.optionalString("policyRevision", input.policyRevision(), 1, 100,
                CodeArtifactSupport.NON_BLANK);
        String document = support.validation.requiredString("policyDocument", input.policyDocument(), 1, 7168,
                POLICY_DOCUMENT);
        Repository repository = authorized(context, target);
        try {
            PolicyDocument.parse(document, PolicyKind.RESOURCE);
        } catch (MalformedPolicyException e) {
            throw CodeArtifactErrors.VALIDATION.exception("Invalid policy document: %s", e.getMessage());
        }
        RepositoryPolicy policy = new RepositoryPolicy(target.owner(), target.domain(), target.repository(), document,
                support.ids.revision());
        try {
            if (!store.repositoryPolicies().put(policy, expected)) {
                throw CodeArtifactErrors.CONFLICT.exception(
                        "The policy revision %s does not match the repository's current policy.", expected);
            }
        } catch (ReferenceViolationException e) {
            throw missing(target);
        }
        return new PolicyOutput(new ResourcePolicy(repository.arn(), policy.revision(), policy.document()));
    }

    PolicyOutput getRepositoryPermissionsPolicy(RepositoryInput input, CallContext context) {
        Target target = target(input.domain(), input.domainOwner(), input.repository(), context);
        Repository repository = authorized(context, target);
        RepositoryPolicy policy = store.repositoryPolicies().find(target.owner(), target.domain(), target.repository())
                .orElseThrow(() -> CodeArtifactErrors.NOT_FOUND.exception(
                        "Repository %s has no permissions policy.", target.repository()));
        return new PolicyOutput(new ResourcePolicy(repository.arn(), policy.revision(), policy.document()));
    }

    PolicyOutput deleteRepositoryPermissionsPolicy(DeleteRepositoryPermissionsPolicyInput input,
                                                   CallContext context) {
        Target target = target(input.domain(), input.domainOwner(), input.repository(), context);
        String expected = support.validation.optionalString("policyRevision", input.policyRevision(), 1, 100,
                CodeArtifactSupport.NON_BLANK);
        Repository repository = authorized(context, target);
        try {
            RepositoryPolicy deleted = store.repositoryPolicies().delete(target.owner(), target.domain(),
                    target.repository(), expected).orElseThrow(() -> CodeArtifactErrors.NOT_FOUND.exception(
                    "Repository %s has no permissions policy.", target.repository()));
            return new PolicyOutput(new ResourcePolicy(repository.arn(), deleted.revision(), deleted.document()));
        } catch (RevisionMismatchException e) {
            throw CodeArtifactErrors.CONFLICT.exception(
                    "The policy revision %s does not match the repository's current policy.", expected);
        }
    }

    /** The repository, after the caller is authorized for the action on its ARN (with the domain's policy). */
    private Repository authorized(CallContext context, Target target) {
        support.authorizedDomain(context, target.owner(), target.domain(), target.arn(), Map.of());
        return store.repositories().find(target.owner(), target.domain(), target.repository())
                .orElseThrow(() -> missing(target));
    }

    private Target target(String domainValue, String ownerValue, String repositoryValue, CallContext context) {
        String domain = support.domainName(domainValue);
        String owner = support.owner(ownerValue, context);
        String repository = support.repositoryName("repository", repositoryValue);
        return new Target(owner, domain, repository, support.repositoryArn(owner, domain, repository));
    }

    private static io.gatepass.core.error.ServiceException missing(Target target) {
        return CodeArtifactErrors.NOT_FOUND.exception("Repository %s not found in domain %s.", target.repository(),
                target.domain());
    }

    private record Target(String owner, String domain, String repository, String arn) {
    }
}
