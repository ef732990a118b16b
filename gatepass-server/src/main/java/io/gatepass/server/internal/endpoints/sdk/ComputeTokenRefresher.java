package io.gatepass.server.internal.endpoints.sdk;

import io.gatepass.core.gamelift.Compute;
import io.gatepass.core.token.ComputeAuthTokens;
import io.gatepass.core.token.ComputeRegistrations.Registration;
import io.gatepass.core.token.TokenAuthority;
import io.gatepass.server.internal.audit.AuditLog;
import io.gatepass.server.internal.audit.SdkAudit;
import io.gatepass.store.Store;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The compute's current auth token, as GetComputeAuthToken hands it out (the same token until less than 15 minutes
 * are left, agreed between nodes by a compare-and-set of the stored expiry), for RefreshConnection. Blocking.
 */
public final class ComputeTokenRefresher {
    private static final int RACE_RETRIES = 5;

    private final Store store;
    private final TokenAuthority<Registration, ComputeAuthTokens> tokens;
    private final Clock clock;
    private final SdkAudit audit;

    public ComputeTokenRefresher(Store store, TokenAuthority<Registration, ComputeAuthTokens> tokens, Clock clock) {
        this(store, tokens, clock, new SdkAudit(AuditLog.OFF, clock));
    }

    /** @param audit hears of each token minted anew (not of the current one handed out again) */
    public ComputeTokenRefresher(Store store, TokenAuthority<Registration, ComputeAuthTokens> tokens, Clock clock,
                                 SdkAudit audit) {
        this.audit = audit;
        this.store = store;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** A token and its expiry. {@code toString} leaves the token out. */
    public record CurrentToken(String token, Instant expiry) {
        @Override
        public String toString() {
            return "CurrentToken[expiry=" + expiry + "]";
        }
    }

    /** The current token of the registration, or empty if the compute is gone (deregistered, fleet deleted). */
    public Optional<CurrentToken> current(String registrationId) {
        Instant now = clock.instant();
        for (int attempt = 0; attempt < RACE_RETRIES; attempt++) {
            Optional<Compute> found = store.computes().findByRegistrationId(registrationId);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Compute compute = found.get();
            Instant expiry = tokens.kind().expiryFor(now, compute.tokenExpiry());
            boolean same = expiry.equals(compute.tokenExpiry());
            if (same || store.computes().updateTokenExpiry(compute.fleetId(),
                    compute.computeName(), registrationId, compute.tokenExpiry(), expiry)) {
                String token = tokens.mint(new Registration(compute.fleetId(), compute.computeName(), registrationId),
                        expiry);
                if (!same) {
                    audit.refreshed(compute.accountId(), compute.computeArn(), compute.fleetId(),
                            compute.computeName(), token, expiry);
                }
                return Optional.of(new CurrentToken(token, expiry));
            }
        }
        return Optional.empty();
    }

    /** True while the registration exists (the compute is registered and its fleet not deleted). */
    public boolean registered(String registrationId) {
        return store.computes().findByRegistrationId(registrationId).isPresent();
    }
}
