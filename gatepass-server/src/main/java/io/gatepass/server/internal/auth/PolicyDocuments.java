package io.gatepass.server.internal.auth;

import io.gatepass.core.error.ErrorCode;
import io.gatepass.core.policy.MalformedPolicyException;
import io.gatepass.core.policy.PolicyDocument;
import io.gatepass.core.policy.PolicyKind;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parses policy documents, remembering the parsed form of documents seen before (they are evaluated on every
 * request), and validates new ones for IAM with its MalformedPolicyDocument error.
 */
public final class PolicyDocuments implements PolicyValidator {
    private static final int CACHE_LIMIT = 10_000;
    private final Map<String, PolicyDocument> identity = new ConcurrentHashMap<>();
    private final Map<String, PolicyDocument> resource = new ConcurrentHashMap<>();
    private final ErrorCode malformed;

    public PolicyDocuments(ErrorCode malformed) {
        this.malformed = malformed;
    }

    /** The parsed identity policy; a stored document that no longer parses denies nothing and allows nothing. */
    public PolicyDocument identity(String text) {
        return cached(identity, text, PolicyKind.IDENTITY);
    }

    public PolicyDocument resource(String text) {
        return cached(resource, text, PolicyKind.RESOURCE);
    }

    @Override
    public void identityPolicy(String document) {
        check(document, PolicyKind.IDENTITY);
    }

    @Override
    public void trustPolicy(String document) {
        check(document, PolicyKind.RESOURCE);
    }

    private void check(String document, PolicyKind kind) {
        try {
            PolicyDocument.parse(document, kind);
        } catch (MalformedPolicyException e) {
            throw malformed.exception(e.getMessage());
        }
    }

    private static PolicyDocument cached(Map<String, PolicyDocument> cache, String text, PolicyKind kind) {
        PolicyDocument parsed = cache.get(text);
        if (parsed == null) {
            parsed = PolicyDocument.parse(text, kind);
            if (cache.size() >= CACHE_LIMIT) {
                cache.clear();
            }
            cache.put(text, parsed);
        }
        return parsed;
    }
}
