package io.gatepass.server.tokens;

import io.gatepass.core.codeartifact.Domain;
import io.gatepass.core.identity.Principal;
import io.gatepass.core.token.KeyRingStore;
import io.gatepass.core.token.RepositoryTokenSubject;
import io.gatepass.core.token.RepositoryTokenVerifier;
import io.gatepass.core.token.RepositoryTokens;
import io.gatepass.server.api.codeartifact.AuthorizationTokens;
import io.gatepass.store.DomainStore;

import java.time.Clock;
import java.time.Instant;

/** The server's CodeArtifact authorization token authority: key ring and domains from the store. */
public final class RepositoryTokenAuthority implements AuthorizationTokens {
    private final ReloadingKeyRing ring;
    private final RepositoryTokens tokens;

    public RepositoryTokenAuthority(KeyRingStore keyStore, DomainStore domains, Clock clock) {
        this.ring = new ReloadingKeyRing(keyStore, RepositoryTokens.KEY_PURPOSE, RepositoryTokens.MAX_LIFETIME, clock);
        this.tokens = new RepositoryTokens(ring, (owner, name) -> domains.find(owner, name).map(Domain::createdTime),
                clock);
    }

    public ReloadingKeyRing keyRing() {
        return ring;
    }

    public RepositoryTokenVerifier verifier() {
        return tokens;
    }

    @Override
    public Instant expiry(Instant now, Long durationSeconds, Instant sessionExpiration) {
        return RepositoryTokens.expiry(now, durationSeconds, sessionExpiration);
    }

    @Override
    public String mint(Domain domain, Principal caller, Instant expiry) {
        return tokens.mint(new RepositoryTokenSubject(domain.owner(), domain.name(), domain.createdTime(),
                caller.arn(), caller.accountId()), expiry);
    }
}
