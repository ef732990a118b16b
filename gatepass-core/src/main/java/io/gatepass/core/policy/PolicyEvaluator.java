package io.gatepass.core.policy;

import java.util.List;

/**
 * Evaluates parsed policies for a request, the way IAM evaluates one policy type:
 * an applicable {@code Deny} statement in any policy wins ({@link Decision#EXPLICIT_DENY}); otherwise an applicable
 * {@code Allow} statement allows ({@link Decision#ALLOW}); otherwise the request is denied by default
 * ({@link Decision#IMPLICIT_DENY}).
 *
 * <p>A statement applies when its principal matches (if it names one), its action matches, its resource matches
 * and all its conditions hold. {@code Action} matches when any pattern matches the action (case-insensitively);
 * {@code NotAction} when none does. {@code Resource} matches when any pattern matches the resource ARN
 * (case-sensitively); {@code NotResource} when none does; a resource-policy statement with neither applies to any
 * resource. {@code Principal} and {@code NotPrincipal} work the same way, see {@link #matchesPrincipal}.
 *
 * <p>Combining identity and resource policies (same-account union, cross-account intersection, permission
 * boundaries) is the caller's business: evaluate each and combine the decisions.
 *
 * <p>Stateless and thread-safe.
 */
public final class PolicyEvaluator {
    private PolicyEvaluator() {
    }

    /**
     * Evaluates the identity policies of the caller (inline and attached, in any order) for a request.
     * Statements that name a principal are honoured too, so a resource policy passed here cannot widen access.
     */
    public static Decision evaluate(List<PolicyDocument> identityPolicies, RequestContext context) {
        return decide(identityPolicies, context, false);
    }

    /**
     * Evaluates a resource-based policy or a role trust policy for a request. Statements that name neither
     * {@code Principal} nor {@code NotPrincipal} never apply here. A null policy means none is attached:
     * {@link Decision#IMPLICIT_DENY}.
     */
    public static Decision evaluateResourcePolicy(PolicyDocument resourcePolicy, RequestContext context) {
        return resourcePolicy == null ? Decision.IMPLICIT_DENY : decide(List.of(resourcePolicy), context, true);
    }

    /**
     * Whether the request's caller is one of the principals named. {@code "*"} or {@code {"AWS": "*"}} matches
     * anyone; an account id or {@code arn:aws:iam::ACCOUNT:root} matches any principal of that account; a user ARN or
     * an assumed-role session ARN matches exactly that principal; a role ARN matches the role and its sessions;
     * {@code Service} matches a caller whose principal is that service name.
     */
    public static boolean matchesPrincipal(PrincipalSet principals, RequestContext context) {
        return PrincipalMatcher.matches(principals, context);
    }

    private static Decision decide(List<PolicyDocument> policies, RequestContext context, boolean principalRequired) {
        boolean allowed = false;
        for (PolicyDocument policy : policies) {
            for (Statement statement : policy.statements()) {
                if (applies(statement, context, principalRequired)) {
                    if (statement.effect() == Effect.DENY) {
                        return Decision.EXPLICIT_DENY;
                    }
                    allowed = true;
                }
            }
        }
        return allowed ? Decision.ALLOW : Decision.IMPLICIT_DENY;
    }

    private static boolean applies(Statement statement, RequestContext context, boolean principalRequired) {
        if (statement.principal() != null) {
            if (!PrincipalMatcher.matches(statement.principal(), context)) {
                return false;
            }
        } else if (statement.notPrincipal() != null) {
            if (PrincipalMatcher.matches(statement.notPrincipal(), context)) {
                return false;
            }
        } else if (principalRequired) {
            return false;
        }
        return matchesAction(statement, context.action())
                && matchesResource(statement, context.resource())
                && ConditionEvaluator.allHold(statement.conditions(), context);
    }

    private static boolean matchesAction(Statement statement, String action) {
        if (!statement.actions().isEmpty()) {
            return anyMatch(statement.actions(), action, true);
        }
        return !statement.notActions().isEmpty() && !anyMatch(statement.notActions(), action, true);
    }

    private static boolean matchesResource(Statement statement, String resource) {
        if (!statement.resources().isEmpty()) {
            return anyMatch(statement.resources(), resource, false);
        }
        if (!statement.notResources().isEmpty()) {
            return !anyMatch(statement.notResources(), resource, false);
        }
        return true;    // a resource policy without Resource: the resource it is attached to
    }

    private static boolean anyMatch(List<String> patterns, String value, boolean ignoreCase) {
        for (String pattern : patterns) {
            if (Glob.matches(pattern, value, ignoreCase)) {
                return true;
            }
        }
        return false;
    }
}
