package io.gatepass.server.internal.endpoints.sdk;

import io.gatepass.core.error.ServiceException;
import io.gatepass.core.gamelift.Compute;
import io.gatepass.core.gamelift.Fleet;
import io.gatepass.core.identity.Principal;
import io.gatepass.core.token.ComputeAuthTokens;
import io.gatepass.core.token.ComputeRegistrations.Registration;
import io.gatepass.core.token.TokenAuthority;
import io.gatepass.core.token.Verification;
import io.gatepass.server.internal.auth.Authorizer;
import io.gatepass.server.internal.auth.CredentialResolver;
import io.gatepass.server.internal.auth.sigv4.SdkQuerySignature;
import io.gatepass.server.internal.auth.sigv4.SigningSecret;
import io.gatepass.server.internal.gamelift.GameLiftIds;
import io.gatepass.store.Store;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a websocket upgrade to {@code /gamelift/sdk} may proceed, from its query parameters: a {@code pID},
 * and either a compute auth token ({@code Authorization=<token>}) bound to the {@code FleetId} and {@code ComputeId}
 * given, or SigV4 query authorization ({@code Authorization=SigV4}) by a caller allowed {@code gamelift:*} on the
 * fleet. Blocking (reads the store); call it off the event loop. Never throws for bad input.
 */
public final class SdkHandshake {
    static final int MAX_PROCESS_ID_LENGTH = 256;
    private static final Pattern FLEET_ARN = Pattern.compile("^arn:.*:[a-z]*fleet/([a-z]*fleet-[a-zA-Z0-9\\-]+)$");
    private static final Pattern COMPUTE_ARN = Pattern.compile("^arn:.*:compute/([a-zA-Z0-9\\-]+(/[a-zA-Z0-9\\-]+)?)$");
    /** What a SigV4 caller must be allowed on the fleet: what {@code gamelift:*} allows. */
    static final String SIGV4_ACTION = "gamelift:*";

    private final TokenAuthority<Registration, ComputeAuthTokens> tokens;
    private final Store store;
    private final SdkQuerySignature signatures;
    private final CredentialResolver credentials;
    private final Authorizer authorizer;

    public SdkHandshake(TokenAuthority<Registration, ComputeAuthTokens> tokens, Store store,
                        SdkQuerySignature signatures,
                        CredentialResolver credentials, Authorizer authorizer) {
        this.tokens = tokens;
        this.store = store;
        this.signatures = signatures;
        this.credentials = credentials;
        this.authorizer = authorizer;
    }

    /** The handshake's outcome: the compute, or why not. */
    public record Outcome(ConnectedCompute compute, Refusal refusal) {
        static Outcome refused(Refusal refusal) {
            return new Outcome(null, refusal);
        }

        public boolean accepted() {
            return refusal == null;
        }
    }

    public Outcome check(Map<String, String> query) {
        String processId = query.get("pID");
        if (processId == null || processId.isEmpty()) {
            return Outcome.refused(Refusal.MISSING_PROCESS_ID);
        }
        if (processId.length() > MAX_PROCESS_ID_LENGTH || processId.chars().anyMatch(Character::isISOControl)) {
            return Outcome.refused(Refusal.INVALID_PROCESS_ID);
        }
        return compute(query, "ComputeId", true);
    }

    /**
     * The same for the agent websocket ({@code /gamelift/agent}): {@code FleetId}, {@code ComputeName} and a compute
     * auth token in {@code Authorization}; no pID, no SigV4.
     */
    public Outcome checkAgent(Map<String, String> query) {
        return compute(query, "ComputeName", false);
    }

    private Outcome compute(Map<String, String> query, String computeParameter, boolean sigV4Allowed) {
        String authorization = query.get("Authorization");
        if (authorization == null || authorization.isEmpty()) {
            return Outcome.refused(Refusal.MISSING_TOKEN);
        }
        String fleetId = fleetId(query.get("FleetId"));
        if (fleetId == null) {
            return Outcome.refused(Refusal.WRONG_FLEET);
        }
        String computeName = computeName(query.get(computeParameter));
        if (computeName == null) {
            return Outcome.refused(Refusal.WRONG_COMPUTE);
        }
        return sigV4Allowed && "SigV4".equals(authorization) ? sigV4(query, fleetId, computeName)
                : token(authorization, fleetId, computeName);
    }

    private Outcome token(String token, String fleetId, String computeName) {
        // signature first, over the fleet and compute the caller claims: nothing is looked up for a forged token
        Verification<Registration> verification =
                tokens.verify(token, tokens.kind().presentedAs(fleetId, computeName));
        if (verification instanceof Verification.Refused<Registration> refused) {
            return Outcome.refused(switch (refused.reason()) {
                case MALFORMED -> Refusal.MALFORMED_TOKEN;
                case UNKNOWN_KEY -> Refusal.UNKNOWN_TOKEN_KEY;
                case REVOKED -> Refusal.REVOKED_TOKEN;
                case BAD_SIGNATURE -> Refusal.FORGED_TOKEN;
                case EXPIRED -> Refusal.EXPIRED_TOKEN;
            });
        }
        // of the claimed fleet and compute
        Verification.Valid<Registration> valid = (Verification.Valid<Registration>) verification;
        Optional<Compute> compute = store.computes().findByRegistrationId(valid.subject().registrationId());
        Optional<Fleet> fleet = compute.flatMap(c -> store.fleets().find(c.accountId(), c.fleetId()));
        if (compute.isEmpty() || fleet.isEmpty()) {
            return Outcome.refused(Refusal.REVOKED_TOKEN);
        }
        return new Outcome(connected(fleet.get(), compute.get(), valid.expiry()), null);
    }

    private Outcome sigV4(Map<String, String> query, String fleetId, String computeName) {
        SdkQuerySignature.Result<Principal> result = signatures.verify(query, (accessKeyId, sessionToken) -> {
            CredentialResolver.Resolved resolved = credentials.resolve(accessKeyId, sessionToken);
            return new SigningSecret<>(resolved.secret(), resolved.principal());
        });
        if (!result.isValid()) {
            return Outcome.refused(switch (result.failure()) {
                case MALFORMED, WRONG_SCOPE -> Refusal.SIGV4_MALFORMED;
                case STALE -> Refusal.SIGV4_STALE;
                case UNKNOWN_KEY -> Refusal.SIGV4_UNKNOWN_KEY;
                case EXPIRED_CREDENTIALS -> Refusal.SIGV4_EXPIRED_CREDENTIALS;
                case BAD_SIGNATURE -> Refusal.SIGV4_BAD_SIGNATURE;
            });
        }
        Principal principal = result.identity();
        Optional<Fleet> fleet = store.fleets().find(principal.accountId(), fleetId);
        if (fleet.isEmpty()) {
            return Outcome.refused(Refusal.WRONG_FLEET);
        }
        try {
            authorizer.authorize(principal, SIGV4_ACTION, fleet.get().fleetArn(), Map.of());
        } catch (ServiceException e) {
            return Outcome.refused(Refusal.SIGV4_ACCESS_DENIED);
        }
        Optional<Compute> compute = store.computes().find(fleetId, computeName);
        if (compute.isEmpty()) {
            return Outcome.refused(Refusal.WRONG_COMPUTE);
        }
        return new Outcome(connected(fleet.get(), compute.get(), null), null);
    }

    private static ConnectedCompute connected(Fleet fleet, Compute compute, java.time.Instant tokenExpiry) {
        return new ConnectedCompute(fleet.accountId(), fleet.fleetId(), fleet.fleetArn(), compute.computeName(),
                compute.location(), compute.ipAddress(), compute.dnsName(), compute.registrationId(), tokenExpiry);
    }

    /** The fleet id from a FleetId that may be an id or an ARN; null if it is neither. */
    static String fleetId(String idOrArn) {
        if (idOrArn == null || idOrArn.length() > 512) {
            return null;
        }
        Matcher arn = FLEET_ARN.matcher(idOrArn);
        if (arn.matches()) {
            return arn.group(1);
        }
        return GameLiftIds.isFleetId(idOrArn) ? idOrArn : null;
    }

    /** The compute name from a ComputeId that may be a name or an ARN; null if it is neither. */
    static String computeName(String nameOrArn) {
        if (nameOrArn == null || nameOrArn.length() > 1024) {
            return null;
        }
        Matcher arn = COMPUTE_ARN.matcher(nameOrArn);
        if (arn.matches()) {
            return arn.group(1);
        }
        return GameLiftIds.isComputeName(nameOrArn) ? nameOrArn : null;
    }
}
