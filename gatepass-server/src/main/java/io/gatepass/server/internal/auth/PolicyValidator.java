package io.gatepass.server.internal.auth;

/**
 * Checks policy documents before they are stored, failing with the caller's service's MalformedPolicyDocument error.
 */
public interface PolicyValidator {
    /** An identity policy (attached to a user or role): no Principal, Resource required. */
    void identityPolicy(String document);

    /** A trust policy (who may assume a role): Principal required. */
    void trustPolicy(String document);
}
