package io.gatepass.server.api.codeartifact;

import io.gatepass.core.codeartifact.Domain;
import io.gatepass.core.identity.Principal;

import java.time.Instant;

/** What GetAuthorizationToken needs of the token authority. */
public interface AuthorizationTokens {
    /**
     * The expiry for a requested duration: omitted → 12 hours; 0 → when the caller's temporary credentials expire;
     * 900..43200 → that many seconds.
     *
     * @throws IllegalArgumentException with a message for the caller when the duration is not allowed
     */
    Instant expiry(Instant now, Long durationSeconds, Instant sessionExpiration);

    /** A token for the caller on the domain, valid until {@code expiry}. */
    String mint(Domain domain, Principal caller, Instant expiry);
}
