package io.gatepass.server.internal.endpoints.sdk;

import io.gatepass.core.error.ServiceException;
import io.gatepass.core.gamelift.Fleet;
import io.gatepass.core.identity.Role;
import io.gatepass.core.policy.PolicyEvaluator;
import io.gatepass.core.policy.RequestContext;
import io.gatepass.server.internal.api.gamelift.GameLiftService;
import io.gatepass.server.internal.auth.PolicyDocuments;
import io.gatepass.server.internal.identity.KeyIssuer;
import io.gatepass.store.Store;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GetFleetRoleCredentials from Gatepass's own STS: when {@code RoleArn} is the fleet's {@code InstanceRoleArn} and the
 * role's trust policy lets the service principal {@code gamelift.amazonaws.com} assume it, a one-hour role session
 * (at most the role's MaxSessionDuration), as AWS hands managed EC2 instances. Otherwise nothing, as AWS answers
 * off EC2. Blocking.
 */
public final class StsFleetRoleCredentials implements FleetRoleCredentials {
    static final String GAMELIFT_SERVICE = "gamelift.amazonaws.com";
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws:iam::(\\d{12}):role/(?:.*/)?([\\w+=,.@-]+)");
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");
    private static final int DURATION_SECONDS = 3600;

    private final Store store;
    private final KeyIssuer issuer;
    private final PolicyDocuments policies;
    private final Clock clock;

    public StsFleetRoleCredentials(Store store, KeyIssuer issuer, PolicyDocuments policies, Clock clock) {
        this.store = store;
        this.issuer = issuer;
        this.policies = policies;
        this.clock = clock;
    }

    @Override
    public Optional<Credentials> issue(ConnectedCompute compute, String roleArn, String roleSessionName) {
        Optional<Fleet> fleet = store.fleets().find(compute.accountId(), compute.fleetId());
        if (fleet.isEmpty() || !roleArn.equals(GameLiftService.instanceRoleArn(fleet.get()))) {
            return Optional.empty();
        }
        Matcher arn = ROLE_ARN.matcher(roleArn);
        if (!arn.matches()) {
            return Optional.empty();
        }
        Optional<Role> role = store.roles().find(arn.group(1), arn.group(2)).filter(r -> r.arn().equals(roleArn));
        if (role.isEmpty() || !trustsGameLift(role.get())) {
            return Optional.empty();
        }
        String sessionName = sessionName(roleSessionName);
        Instant now = clock.instant();
        Instant expiration = now.truncatedTo(ChronoUnit.SECONDS)
                .plusSeconds(Math.min(DURATION_SECONDS, role.get().maxSessionDuration()));
        Role r = role.get();
        KeyIssuer.IssuedSession issued = issuer.issueSession(new KeyIssuer.SessionTemplate(r.accountId(), null,
                r.roleName(), r.roleId(), sessionName, GAMELIFT_SERVICE), now, expiration);
        return Optional.of(new Credentials(issued.session().accessKeyId(), issued.secret(), issued.sessionToken(),
                r.roleId() + ":" + sessionName, Role.sessionArn(r.accountId(), r.roleName(), sessionName),
                expiration));
    }

    private boolean trustsGameLift(Role role) {
        try {
            return PolicyEvaluator.evaluateResourcePolicy(policies.resource(role.assumeRolePolicyDocument()),
                    new RequestContext(GAMELIFT_SERVICE, null, "sts:AssumeRole", role.arn())).isAllowed();
        } catch (ServiceException e) {
            return false;
        }
    }

    /** The SDK's default session name is {@code <fleetId>-<hostId>}; anything STS would refuse is made to fit. */
    private static String sessionName(String requested) {
        if (SESSION_NAME.matcher(requested).matches()) {
            return requested;
        }
        String cleaned = requested.replaceAll("[^\\w+=,.@-]", "-");
        cleaned = cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned;
        return cleaned.length() < 2 ? "gamelift-process" : cleaned;
    }
}
