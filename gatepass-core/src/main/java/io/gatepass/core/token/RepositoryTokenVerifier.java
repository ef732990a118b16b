package io.gatepass.core.token;

/**
 * Answers who a CodeArtifact repository authorization token belongs to and for which domain, or why it is refused;
 * for the package endpoints (npm, pip, Maven). {@link RepositoryTokens} is the implementation. Use
 * {@link TokenVerifier#fingerprint} to name a token in logs; never log the token.
 */
@FunctionalInterface
public interface RepositoryTokenVerifier {
    /**
     * Checks the token's format, key, signature, expiry and domain, in that order. Never throws for bad input; a
     * failure of the {@link RepositoryDomains} lookup propagates.
     */
    AuthorizationVerification verify(String token);
}
