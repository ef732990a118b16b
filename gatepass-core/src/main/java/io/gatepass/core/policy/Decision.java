package io.gatepass.core.policy;

/** The outcome of evaluating policies for one request. Only {@link #ALLOW} lets the request through. */
public enum Decision {
    /** Some statement allows the request and none denies it. */
    ALLOW,
    /** A {@code Deny} statement applies to the request; nothing can override it. */
    EXPLICIT_DENY,
    /** No statement applies: denied by default. */
    IMPLICIT_DENY;

    public boolean isAllowed() {
        return this == ALLOW;
    }
}
