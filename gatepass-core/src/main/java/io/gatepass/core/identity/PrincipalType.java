package io.gatepass.core.identity;

/** The kinds of identity that can sign a request. */
public enum PrincipalType {
    ROOT,
    USER,
    ASSUMED_ROLE
}
