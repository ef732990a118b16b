package io.gatepass.server.internal.auth;

import io.gatepass.server.internal.api.CommonErrors;
import io.gatepass.core.identity.Principal;
import io.gatepass.core.identity.PrincipalType;
import io.gatepass.core.identity.Role;
import io.gatepass.core.policy.Decision;
import io.gatepass.core.policy.Effect;
import io.gatepass.core.policy.PolicyDocument;
import io.gatepass.core.policy.PolicyEvaluator;
import io.gatepass.core.policy.PrincipalSet;
import io.gatepass.core.policy.RequestContext;
import io.gatepass.core.policy.Statement;
import io.gatepass.server.internal.audit.AuditScope;
import io.gatepass.store.InlinePolicy;
import io.gatepass.store.InlinePolicyStore;
import io.gatepass.store.PolicyOwner;

import java.util.List;
import java.util.Map;

/**
 * The one place that decides whether a principal may perform an action on a resource: the account's root
 * (administrator) may do everything; everyone else needs an identity policy that allows it and none that denies it.
 * Denials use AWS's wording, naming the action and the resource.
 */
public final class Authorizer {
    private final InlinePolicyStore policies;
    private final PolicyDocuments documents;

    public Authorizer(InlinePolicyStore policies, PolicyDocuments documents) {
        this.policies = policies;
        this.documents = documents;
    }

    public void authorize(Principal principal, String action, String resource, Map<String, List<String>> conditions) {
        AuditScope.authorizing(action, resource);
        Decision decision = decide(principal, action, resource, conditions);
        if (!decision.isAllowed()) {
            throw denied(principal, action, resource, decision, "identity-based");
        }
    }

    public Decision decide(Principal principal, String action, String resource, Map<String, List<String>> conditions) {
        if (principal.isRoot()) {
            return Decision.ALLOW;
        }
        RequestContext context = new RequestContext(principal.arn(), principal.accountId(), action, resource,
                conditions);
        return PolicyEvaluator.evaluate(identityPolicies(principal), context);
    }

    /**
     * An action on a resource that may carry a resource-based policy (a CodeArtifact domain policy): within the
     * resource's account either the identity policies or the resource policy may allow it; from another account both
     * must. An explicit deny in either wins. The administrator (root) of the owning account may do everything.
     *
     * @param resourcePolicy the resource's policy document, or null when it has none
     */
    public void authorize(Principal principal, String action, String resource, Map<String, List<String>> conditions,
                          String resourceOwner, String resourcePolicy) {
        authorizeWithResourcePolicies(principal, action, resource, conditions, resourceOwner,
                resourcePolicy == null ? List.of() : List.of(resourcePolicy));
    }

    /**
     * As {@link #authorize(Principal, String, String, Map, String, String)} with several resource-based policies that
     * all apply (a CodeArtifact repository's policy and its domain's): any of them may allow, an explicit deny in any
     * wins.
     *
     * @param resourcePolicies the policy documents, possibly none
     */
    public void authorizeWithResourcePolicies(Principal principal, String action, String resource,
                                              Map<String, List<String>> conditions, String resourceOwner,
                                              List<String> resourcePolicies) {
        AuditScope.authorizing(action, resource);
        boolean sameAccount = principal.accountId().equals(resourceOwner);
        if (sameAccount && principal.isRoot()) {
            return;
        }
        RequestContext context = new RequestContext(principal.arn(), principal.accountId(), action, resource,
                conditions);
        Decision identity = principal.isRoot() ? Decision.ALLOW
                : PolicyEvaluator.evaluate(identityPolicies(principal), context);
        Decision viaResource = Decision.IMPLICIT_DENY;
        for (String resourcePolicy : resourcePolicies) {
            Decision one = PolicyEvaluator.evaluateResourcePolicy(documents.resource(resourcePolicy), context);
            if (one == Decision.EXPLICIT_DENY || (one.isAllowed() && viaResource != Decision.EXPLICIT_DENY)) {
                viaResource = one;
            }
        }
        if (identity == Decision.EXPLICIT_DENY) {
            throw denied(principal, action, resource, identity, "identity-based");
        }
        if (viaResource == Decision.EXPLICIT_DENY) {
            throw denied(principal, action, resource, viaResource, "resource-based");
        }
        boolean allowed = sameAccount ? identity.isAllowed() || viaResource.isAllowed()
                : identity.isAllowed() && viaResource.isAllowed();
        if (!allowed) {
            throw denied(principal, action, resource, Decision.IMPLICIT_DENY,
                    sameAccount || !identity.isAllowed() ? "identity-based" : "resource-based");
        }
    }

    /**
     * sts:AssumeRole: the role's trust policy must allow the caller. Within the role's account a trust policy that
     * names the caller itself is enough; one that trusts the whole account also needs the caller's identity policy
     * to allow sts:AssumeRole on the role, as in AWS.
     */
    public void authorizeAssumeRole(Principal caller, Role role) {
        String action = "sts:AssumeRole";
        AuditScope.authorizing(action, role.arn());
        PolicyDocument trust = documents.resource(role.assumeRolePolicyDocument());
        RequestContext context = new RequestContext(caller.arn(), caller.accountId(), action, role.arn());
        Decision trusted = PolicyEvaluator.evaluateResourcePolicy(trust, context);
        if (!trusted.isAllowed()) {
            throw denied(caller, action, role.arn(), trusted, "resource-based");
        }
        boolean sameAccount = caller.accountId().equals(role.accountId());
        if (sameAccount && namesCaller(trust, caller)) {
            return;
        }
        authorize(caller, action, role.arn(), Map.of());
    }

    private static boolean namesCaller(PolicyDocument trust, Principal caller) {
        for (Statement statement : trust.statements()) {
            PrincipalSet principals = statement.principal();
            if (statement.effect() == Effect.ALLOW && principals != null
                    && principals.valuesOf(PrincipalSet.AWS).contains(caller.arn())) {
                return true;
            }
        }
        return false;
    }

    private List<PolicyDocument> identityPolicies(Principal principal) {
        PolicyOwner owner = principal.type() == PrincipalType.ASSUMED_ROLE
                ? PolicyOwner.role(principal.accountId(), principal.name())
                : PolicyOwner.user(principal.accountId(), principal.name());
        return policies.list(owner).stream().map(InlinePolicy::policyDocument).map(documents::identity).toList();
    }

    private static io.gatepass.core.error.ServiceException denied(Principal principal, String action, String resource,
                                                                  Decision decision, String policyType) {
        String reason = decision == Decision.EXPLICIT_DENY
                ? "with an explicit deny in an " + policyType + " policy"
                : "because no " + policyType + " policy allows the " + action + " action";
        return CommonErrors.ACCESS_DENIED.exception("User: %s is not authorized to perform: %s on resource: %s %s",
                principal.arn(), action, resource, reason);
    }
}
