package io.gatepass.server.tokens;

import io.gatepass.core.token.ComputeAuthTokens;
import io.gatepass.core.token.ComputeRegistrations;
import io.gatepass.core.token.KeyRingStore;
import io.gatepass.core.token.TokenVerifier;
import io.gatepass.server.api.gamelift.ComputeTokens;
import io.gatepass.store.ComputeStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The server's compute auth token authority: its key ring from the store, registrations looked up in the store, and
 * the token lifetime from the configuration.
 */
public final class ComputeTokenAuthority implements ComputeTokens {
    private final ReloadingKeyRing ring;
    private final ComputeAuthTokens tokens;
    private final Duration ttl;

    public ComputeTokenAuthority(KeyRingStore keyStore, ComputeStore computes, Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.ring = new ReloadingKeyRing(keyStore, ComputeAuthTokens.KEY_PURPOSE, ttl, clock);
        ComputeRegistrations registrations = id -> computes.findByRegistrationId(id)
                .map(c -> new ComputeRegistrations.Registration(c.fleetId(), c.computeName(), c.registrationId()));
        this.tokens = new ComputeAuthTokens(ring, registrations, clock);
    }

    public ReloadingKeyRing keyRing() {
        return ring;
    }

    public TokenVerifier verifier() {
        return tokens;
    }

    @Override
    public Instant expiryFor(Instant now, Instant currentExpiry) {
        // Whole seconds, as GameLift reports them: every node reads back exactly the expiry it minted from.
        return ComputeAuthTokens.expiryFor(now.truncatedTo(ChronoUnit.SECONDS), currentExpiry, ttl);
    }

    @Override
    public String mint(String fleetId, String computeName, String registrationId, Instant expiry) {
        return tokens.mint(new ComputeRegistrations.Registration(fleetId, computeName, registrationId), expiry);
    }
}
