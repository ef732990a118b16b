package io.gatepass.server.internal.audit;

import io.gatepass.server.internal.endpoints.sdk.FleetRoleCredentials;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Audit lines for what the SDK websocket mints for connected game servers, which no API call covers: fleet role
 * credentials ({@code gamelift-sdk:GetFleetRoleCredentials}, through {@link #fleetRoleCredentials}) and the fresh
 * compute token a RefreshConnection hands over ({@code gamelift-sdk:RefreshConnection}, see {@link #refreshed}).
 * The caller is a game server process holding its compute's token, not a principal: the lines name the account, and
 * the fleet and compute in {@code detail}.
 */
public final class SdkAudit {
    public static final String FLEET_ROLE_ACTION = "gamelift-sdk:GetFleetRoleCredentials";
    public static final String REFRESH_ACTION = "gamelift-sdk:RefreshConnection";

    private final AuditLog log;
    private final Clock clock;

    public SdkAudit(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /** {@code credentials}, recording each issue (or refusal to issue) as a mint. */
    public FleetRoleCredentials fleetRoleCredentials(FleetRoleCredentials credentials) {
        return (compute, roleArn, roleSessionName) -> {
            Optional<FleetRoleCredentials.Credentials> issued = credentials.issue(compute, roleArn, roleSessionName);
            AuditEvent.Builder event = AuditEvent.at(clock.instant(), AuditEvent.Kind.MINT).action(FLEET_ROLE_ACTION)
                    .principal(null, compute.accountId(), null).resource(roleArn)
                    .detail("fleet " + compute.fleetId() + ", compute " + compute.computeName() + ", session "
                            + roleSessionName);
            issued.ifPresentOrElse(c -> event.token(c.sessionToken()).tokenId(c.accessKeyId())
                    .tokenExpiry(c.expiration()), () -> event.failure("NotAvailable"));
            log.record(event.build());
            return issued;
        };
    }

    /** A new compute token was minted for a RefreshConnection (not when the current one is handed out again). */
    public void refreshed(String accountId, String computeArn, String fleetId, String computeName, String token,
                          Instant expiry) {
        log.record(AuditEvent.at(clock.instant(), AuditEvent.Kind.MINT).action(REFRESH_ACTION)
                .principal(null, accountId, null).resource(computeArn).token(token).tokenExpiry(expiry)
                .detail("fleet " + fleetId + ", compute " + computeName).build());
    }
}
