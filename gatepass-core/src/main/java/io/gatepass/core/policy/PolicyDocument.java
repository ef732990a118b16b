package io.gatepass.core.policy;

import java.util.List;

/**
 * A parsed IAM-lite policy document. Immutable; safe to cache and share between threads.
 *
 * @param version    {@code 2012-10-17}, {@code 2008-10-17}, or null when the document has no {@code Version}
 * @param statements the statements, in document order; never empty
 */
public record PolicyDocument(String version, List<Statement> statements) {
    public PolicyDocument {
        statements = List.copyOf(statements);
    }

    /**
     * Parses an identity policy (attached to a user, group or role).
     *
     * @throws MalformedPolicyException if IAM would reject the document
     */
    public static PolicyDocument parse(String json) {
        return parse(json, PolicyKind.IDENTITY);
    }

    /**
     * Parses a policy document under the rules of the given kind.
     *
     * @throws MalformedPolicyException if IAM would reject the document
     */
    public static PolicyDocument parse(String json, PolicyKind kind) {
        return PolicyParser.parse(json, kind);
    }
}
