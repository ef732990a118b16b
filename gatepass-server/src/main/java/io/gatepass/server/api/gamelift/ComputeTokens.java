package io.gatepass.server.api.gamelift;

import java.time.Instant;

/** What GetComputeAuthToken needs of the token authority: when a token should expire, and the token itself. */
public interface ComputeTokens {
    /**
     * The expiry to hand out now: the current one while at least 15 minutes of it are left, else a fresh one.
     *
     * @param currentExpiry the expiry of the token handed out last for this registration, or null
     */
    Instant expiryFor(Instant now, Instant currentExpiry);

    /** The token for a registration and expiry; the same inputs give the same token. */
    String mint(String fleetId, String computeName, String registrationId, Instant expiry);
}
