package io.gatepass.core.policy;

/** Which rules a policy document is checked against when it is parsed. */
public enum PolicyKind {
    /**
     * A policy attached to a user, group or role (inline or managed): no {@code Principal}/{@code NotPrincipal},
     * every statement names {@code Resource} or {@code NotResource}, and Sids are alphanumeric.
     */
    IDENTITY,
    /**
     * A resource-based policy or a role trust policy: every statement names {@code Principal} or
     * {@code NotPrincipal}; {@code Resource} is optional (absent means "the resource this policy is attached to").
     */
    RESOURCE
}
