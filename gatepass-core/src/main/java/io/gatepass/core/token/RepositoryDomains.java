package io.gatepass.core.token;

import java.time.Instant;
import java.util.Optional;

/**
 * The CodeArtifact domains that exist now; implemented by the server from the store. {@link RepositoryTokens#isLive}
 * asks it last, for tokens that are otherwise valid.
 */
@FunctionalInterface
public interface RepositoryDomains {
    /**
     * The creation time of the domain that exists now with this owner and name, or empty if there is none. A token is
     * accepted only if this equals, to the millisecond, the creation time it was minted with: so a deleted domain's
     * tokens are refused at once, and stay refused if a domain of the same name is created again. The store must
     * therefore keep a domain's creation time unchanged for its life, to at least millisecond precision. Exceptions
     * (a store failure) propagate out of {@code verify}.
     */
    Optional<Instant> createdAt(String domainOwner, String domainName);
}
