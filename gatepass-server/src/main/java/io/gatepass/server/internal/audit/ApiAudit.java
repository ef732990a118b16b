package io.gatepass.server.internal.audit;

import io.gatepass.core.identity.Principal;
import io.gatepass.server.internal.api.codeartifact.CodeArtifactShapes.GetAuthorizationTokenOutput;
import io.gatepass.server.internal.api.gamelift.GameLiftShapes.GetComputeAuthTokenOutput;
import io.gatepass.server.internal.api.iam.IamShapes.CreateAccessKeyResult;
import io.gatepass.server.internal.api.iam.IamShapes.DeleteAccessKeyRequest;
import io.gatepass.server.internal.api.iam.IamShapes.UpdateAccessKeyRequest;
import io.gatepass.server.internal.api.sts.StsShapes.AssumeRoleResult;
import io.gatepass.server.internal.api.sts.StsShapes.Credentials;
import io.gatepass.server.internal.api.sts.StsShapes.GetSessionTokenResult;
import io.gatepass.server.internal.protocol.WireRequest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one API call, as the pipeline saw it end, into its audit line, and decides which calls have one:
 * <ul>
 *   <li>token mints ({@code GetComputeAuthToken}, {@code GetAuthorizationToken}, {@code GetSessionToken},
 *       {@code AssumeRole}): kind {@code mint}, with the token's fingerprint, the temporary access key id and the
 *       expiry;</li>
 *   <li>revocations (compute deregistered, fleet or domain deleted, access key deleted or set Inactive): kind
 *       {@code revocation};</li>
 *   <li>every other operation that is not {@code Describe*}, {@code List*}, {@code Get*} or {@code Search*}: kind
 *       {@code change};</li>
 *   <li>requests whose signature was refused: kind {@code refusal}, with the access key id they claimed and the
 *       fingerprint of their session token; also signed requests that name no operation Gatepass knows;</li>
 *   <li>read-only operations only when {@code --audit-reads} is on (kind {@code read}): they change nothing, are most
 *       of the traffic, and the access log and metrics already count them.</li>
 * </ul>
 * Failed calls are recorded as well as successful ones (outcome {@code failure} and the error code the client saw).
 */
public final class ApiAudit {
    private static final Set<String> MINTS = Set.of("gamelift:GetComputeAuthToken",
            "codeartifact:GetAuthorizationToken", "sts:GetSessionToken", "sts:AssumeRole");
    private static final Set<String> REVOCATIONS = Set.of("gamelift:DeregisterCompute", "gamelift:DeleteFleet",
            "codeartifact:DeleteDomain", "iam:DeleteAccessKey");
    private static final Pattern HEADER_CREDENTIAL =
            Pattern.compile("Credential=([A-Za-z0-9]{1,128})/[0-9]{8}/[A-Za-z0-9-]{1,32}/([a-z0-9-]{1,32})/");
    private static final Pattern QUERY_CREDENTIAL = Pattern.compile(
            "(?:^|&)X-Amz-Credential=([A-Za-z0-9]{1,128})(?:%2F|/)[0-9]{8}(?:%2F|/)[A-Za-z0-9-]{1,32}(?:%2F|/)"
                    + "([a-z0-9-]{1,32})(?:%2F|/)");
    private static final Pattern QUERY_SESSION_TOKEN = Pattern.compile("(?:^|&)X-Amz-Security-Token=([^&]*)");

    private final AuditLog log;
    private final boolean reads;

    /** @param reads whether read-only operations are audited too */
    public ApiAudit(AuditLog log, boolean reads) {
        this.log = log;
        this.reads = reads;
    }

    /**
     * One API call as it ended.
     *
     * @param principal  the authenticated caller, or null when authentication refused the request
     * @param action     {@code service:Operation}, or null when the request could not be read that far
     * @param input      the bound input record, or null
     * @param output     the output record of a success, or null
     * @param errorCode  the error code the client saw, or null for success
     * @param resource   the resource ARN the action was authorized on, or null
     */
    public record Call(Instant time, String requestId, String sourceAddress, WireRequest request, Principal principal,
                       String action, Object input, Object output, String errorCode, String resource) {
    }

    public void record(Call call) {
        AuditEvent.Kind kind = kind(call);
        if (kind == AuditEvent.Kind.READ && !reads) {
            return;
        }
        AuditEvent.Builder event = AuditEvent.at(call.time(), kind).action(call.action()).failure(call.errorCode())
                .resource(call.resource()).source(call.sourceAddress(), call.requestId());
        if (call.principal() != null) {
            Principal p = call.principal();
            event.principal(p.arn(), p.accountId(), p.accessKeyId());
        } else {
            String[] claimed = claimedCredential(call.request());
            event.accessKeyId(claimed == null ? null : claimed[0]).token(sessionToken(call.request()));
        }
        describeTokens(event, call.input(), call.output());
        log.record(event.build());
    }

    /** The signing name the request's credential scope claims (e.g. {@code iam}), or null; for refused requests. */
    public static String claimedService(WireRequest request) {
        String[] claimed = claimedCredential(request);
        return claimed == null ? null : claimed[1];
    }

    private static AuditEvent.Kind kind(Call call) {
        if (call.principal() == null || call.action() == null) { // not authenticated, or no operation it names
            return AuditEvent.Kind.REFUSAL;
        }
        String action = call.action();
        if (MINTS.contains(action)) {
            return AuditEvent.Kind.MINT;
        }
        if (REVOCATIONS.contains(action) || (action.equals("iam:UpdateAccessKey")
                && call.input() instanceof UpdateAccessKeyRequest update && "Inactive".equals(update.status()))) {
            return AuditEvent.Kind.REVOCATION;
        }
        String operation = action.substring(action.indexOf(':') + 1);
        return operation.startsWith("Describe") || operation.startsWith("List") || operation.startsWith("Get")
                || operation.startsWith("Search") ? AuditEvent.Kind.READ : AuditEvent.Kind.CHANGE;
    }

    /** Fingerprints, key ids and expiries of the tokens and keys a call minted or named; never the tokens. */
    private static void describeTokens(AuditEvent.Builder event, Object input, Object output) {
        if (output instanceof GetComputeAuthTokenOutput token) {
            event.token(token.authToken()).tokenExpiry(token.expirationTimestamp());
        } else if (output instanceof GetAuthorizationTokenOutput token) {
            event.token(token.authorizationToken()).tokenExpiry(token.expiration());
        } else if (output instanceof GetSessionTokenResult result) {
            credentials(event, result.credentials());
        } else if (output instanceof AssumeRoleResult result) {
            credentials(event, result.credentials());
        } else if (output instanceof CreateAccessKeyResult result && result.accessKey() != null) {
            event.tokenId(result.accessKey().accessKeyId());
        } else if (input instanceof UpdateAccessKeyRequest update) {
            event.tokenId(update.accessKeyId());
        } else if (input instanceof DeleteAccessKeyRequest delete) {
            event.tokenId(delete.accessKeyId());
        }
    }

    private static void credentials(AuditEvent.Builder event, Credentials credentials) {
        if (credentials != null) {
            event.token(credentials.sessionToken()).tokenId(credentials.accessKeyId())
                    .tokenExpiry(credentials.expiration());
        }
    }

    /** The access key id and service a refused request's credential scope claims, when well formed; else null. */
    private static String[] claimedCredential(WireRequest request) {
        String authorization = request.header("authorization");
        Matcher m = authorization == null ? null : HEADER_CREDENTIAL.matcher(authorization);
        if (m == null || !m.find()) {
            m = QUERY_CREDENTIAL.matcher(request.rawQuery());
            if (!m.find()) {
                return null;
            }
        }
        return new String[] {m.group(1), m.group(2)};
    }

    /** The session token a request carries (header or presigned query), or null; only ever fingerprinted. */
    private static String sessionToken(WireRequest request) {
        String header = request.header("x-amz-security-token");
        if (header != null) {
            return header;
        }
        Matcher m = QUERY_SESSION_TOKEN.matcher(request.rawQuery());
        if (!m.find()) {
            return null;
        }
        try {
            return URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return m.group(1);
        }
    }
}
