package io.gatepass.server.internal.api.sts;

import io.gatepass.server.internal.api.CommonErrors;
import io.gatepass.core.identity.Principal;
import io.gatepass.core.identity.PrincipalType;
import io.gatepass.core.identity.Role;
import io.gatepass.server.internal.api.CallContext;
import io.gatepass.server.internal.api.Empty;
import io.gatepass.server.internal.api.ErrorSpelling;
import io.gatepass.server.internal.api.Naming;
import io.gatepass.server.internal.api.OperationTable;
import io.gatepass.server.internal.api.ServiceDescriptor;
import io.gatepass.server.internal.api.Validation;
import io.gatepass.server.internal.api.sts.StsShapes.AssumeRoleRequest;
import io.gatepass.server.internal.api.sts.StsShapes.AssumeRoleResult;
import io.gatepass.server.internal.api.sts.StsShapes.AssumedRoleUser;
import io.gatepass.server.internal.api.sts.StsShapes.Credentials;
import io.gatepass.server.internal.api.sts.StsShapes.GetCallerIdentityResult;
import io.gatepass.server.internal.api.sts.StsShapes.GetSessionTokenRequest;
import io.gatepass.server.internal.api.sts.StsShapes.GetSessionTokenResult;
import io.gatepass.server.internal.auth.Authorizer;
import io.gatepass.server.internal.identity.KeyIssuer;
import io.gatepass.store.Store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** STS over the query protocol: GetCallerIdentity, GetSessionToken, AssumeRole. */
public final class StsService {
    public static final ServiceDescriptor DESCRIPTOR = new ServiceDescriptor("sts",
            "https://sts.amazonaws.com/doc/2011-06-15/", Naming.PASCAL_CASE, StsErrors.VALIDATION_ERROR,
            ErrorSpelling.QUERY);

    static final int SESSION_TOKEN_DEFAULT = 43200;
    static final int ROOT_SESSION_TOKEN_MAX = 3600;
    static final int ASSUME_ROLE_DEFAULT = 3600;
    static final int ROLE_CHAINING_MAX = 3600;
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]*");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws:iam::(\\d{12}):role/(?:.*/)?([\\w+=,.@-]+)");

    private final Store store;
    private final KeyIssuer issuer;
    private final Authorizer authorizer;
    private final Validation validation = new Validation(StsErrors.VALIDATION_ERROR);

    private StsService(Store store, KeyIssuer issuer, Authorizer authorizer) {
        this.store = store;
        this.issuer = issuer;
        this.authorizer = authorizer;
    }

    public static void register(OperationTable table, Store store, KeyIssuer issuer, Authorizer authorizer) {
        StsService sts = new StsService(store, issuer, authorizer);
        table.add(DESCRIPTOR, "GetCallerIdentity", Empty.class, sts::getCallerIdentity)
                .add(DESCRIPTOR, "GetSessionToken", GetSessionTokenRequest.class, sts::getSessionToken)
                .add(DESCRIPTOR, "AssumeRole", AssumeRoleRequest.class, sts::assumeRole);
    }

    /** Always allowed, as in AWS: it tells callers who they are. */
    GetCallerIdentityResult getCallerIdentity(Empty input, CallContext context) {
        Principal caller = context.principal();
        return new GetCallerIdentityResult(caller.userId(), caller.accountId(), caller.arn());
    }

    /** Needs no permission (as in AWS) but long-term credentials; root sessions last at most one hour. */
    GetSessionTokenResult getSessionToken(GetSessionTokenRequest request, CallContext context) {
        Integer requested = validation.range("DurationSeconds", request.durationSeconds(), 900, 129600);
        Principal caller = context.principal();
        if (caller.isTemporary()) {
            throw CommonErrors.ACCESS_DENIED.exception("Cannot call GetSessionToken with session credentials");
        }
        int duration = requested == null ? SESSION_TOKEN_DEFAULT : requested;
        if (caller.isRoot()) {
            duration = Math.min(duration, ROOT_SESSION_TOKEN_MAX);
        }
        KeyIssuer.IssuedSession issued = issuer.issueSession(new KeyIssuer.SessionTemplate(caller.accountId(),
                caller.type() == PrincipalType.USER ? caller.name() : null, null, null, null, caller.arn()),
                context.now(), expiry(context.now(), duration));
        return new GetSessionTokenResult(credentials(issued));
    }

    AssumeRoleResult assumeRole(AssumeRoleRequest request, CallContext context) {
        String roleArn = validation.requiredString("RoleArn", request.roleArn(), 20, 2048, null);
        String sessionName = validation.requiredString("RoleSessionName", request.roleSessionName(), 2, 64,
                SESSION_NAME);
        Integer requested = validation.range("DurationSeconds", request.durationSeconds(), 900, 43200);
        Principal caller = context.principal();
        Matcher arn = ROLE_ARN.matcher(roleArn);
        if (!arn.matches()) {
            throw validation.fail("Value '" + roleArn + "' at 'roleArn' failed to satisfy constraint: "
                    + "Member must be a role ARN of the form arn:aws:iam::<account>:role/<name>");
        }
        if (caller.isRoot()) {
            throw CommonErrors.ACCESS_DENIED.exception("Roles may not be assumed by root accounts.");
        }
        Role role = store.roles().find(arn.group(1), arn.group(2))
                .filter(r -> r.arn().equals(roleArn))
                .orElseThrow(() -> notAuthorized(caller, roleArn));
        authorizer.authorizeAssumeRole(caller, role);
        int duration = requested == null ? ASSUME_ROLE_DEFAULT : requested;
        if (caller.type() == PrincipalType.ASSUMED_ROLE && duration > ROLE_CHAINING_MAX) {
            throw StsErrors.VALIDATION_ERROR.exception("The requested DurationSeconds exceeds the 1 hour session limit "
                    + "for roles assumed by role chaining.");
        }
        if (duration > role.maxSessionDuration()) {
            throw StsErrors.VALIDATION_ERROR.exception("The requested DurationSeconds exceeds the MaxSessionDuration "
                    + "set for this role.");
        }
        KeyIssuer.IssuedSession issued = issuer.issueSession(new KeyIssuer.SessionTemplate(role.accountId(), null,
                role.roleName(), role.roleId(), sessionName, caller.arn()), context.now(),
                expiry(context.now(), duration));
        return new AssumeRoleResult(credentials(issued), new AssumedRoleUser(role.roleId() + ":" + sessionName,
                Role.sessionArn(role.accountId(), role.roleName(), sessionName)));
    }

    private static io.gatepass.core.error.ServiceException notAuthorized(Principal caller, String roleArn) {
        return CommonErrors.ACCESS_DENIED.exception("User: %s is not authorized to perform: sts:AssumeRole on "
                + "resource: %s", caller.arn(), roleArn);
    }

    private static Instant expiry(Instant now, int seconds) {
        return now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(seconds);
    }

    private static Credentials credentials(KeyIssuer.IssuedSession issued) {
        return new Credentials(issued.session().accessKeyId(), issued.secret(), issued.sessionToken(),
                issued.session().expiration());
    }
}
