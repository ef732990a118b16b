package io.gatepass.server.gamelift;

import io.gatepass.core.token.ComputeAuthTokens;
import io.gatepass.core.token.ComputeRegistrations;
import io.gatepass.core.token.KeyRing;
import io.gatepass.core.token.KeyRingStore;
import io.gatepass.core.token.TokenVerifier;
import io.gatepass.server.api.gamelift.ComputeTokens;
import io.gatepass.store.ComputeStore;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The server's compute auth token authority: the key ring loaded from the store (and reloaded so that keys another
 * node added are seen), registrations looked up in the store, and the token lifetime from the configuration.
 */
public final class ComputeTokenAuthority implements ComputeTokens {
    private final AtomicReference<KeyRing> ring = new AtomicReference<>();
    private final KeyRingStore keyStore;
    private final ComputeAuthTokens tokens;
    private final Duration ttl;
    private final Clock clock;

    public ComputeTokenAuthority(KeyRingStore keyStore, ComputeStore computes, Duration ttl, Clock clock) {
        this.keyStore = keyStore;
        this.ttl = ttl;
        this.clock = clock;
        ComputeRegistrations registrations = id -> computes.findByRegistrationId(id)
                .map(c -> new ComputeRegistrations.Registration(c.fleetId(), c.computeName(), c.registrationId()));
        this.ring.set(KeyRing.loadOrCreate(keyStore, ComputeAuthTokens.KEY_PURPOSE, ttl, clock, new SecureRandom()));
        this.tokens = new ComputeAuthTokens(ring::get, registrations, clock);
    }

    /** Picks up keys other nodes added; call periodically. */
    public void reload() {
        ring.set(KeyRing.loadOrCreate(keyStore, ComputeAuthTokens.KEY_PURPOSE, ttl, clock, new SecureRandom()));
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
