package io.gatepass.server.internal.auth;

import io.gatepass.core.identity.Principal;
import io.gatepass.server.internal.auth.sigv4.RequestHeaders;
import io.gatepass.server.internal.auth.sigv4.ScopePolicy;
import io.gatepass.server.internal.auth.sigv4.SigV4Verifier;
import io.gatepass.server.internal.auth.sigv4.SignedRequest;
import io.gatepass.server.internal.auth.sigv4.SigningSecret;
import io.gatepass.server.internal.auth.sigv4.VerifiedRequest;
import io.gatepass.server.internal.http.Authenticated;
import io.gatepass.server.internal.http.RequestAuthenticator;
import io.gatepass.server.internal.protocol.WireRequest;

import java.time.Clock;
import java.util.Collection;

/** Authenticates API requests with SigV4 (header or presigned form) against the stored credentials. */
public final class SigV4Authenticator implements RequestAuthenticator {
    private final SigV4Verifier<Principal> verifier;
    private final AccessKeyUsageRecorder usage;

    /**
     * @param services the signing names this server answers for (sts, iam, gamelift, codeartifact, ...)
     * @param usage    notes the last use of each long-term key that signs a request successfully
     */
    public SigV4Authenticator(CredentialResolver resolver, String region, Collection<String> services, Clock clock,
                              AccessKeyUsageRecorder usage) {
        this.usage = usage;
        this.verifier = new SigV4Verifier<>(ScopePolicy.awsCompatible(region, services), (keyId, token) -> {
            CredentialResolver.Resolved resolved = resolver.resolve(keyId, token);
            return new SigningSecret<>(resolved.secret(), resolved.principal());
        }, clock);
    }

    @Override
    public Authenticated authenticate(WireRequest request) {
        RequestHeaders headers = RequestHeaders.ofLowerCaseKeys(request.headers());
        // a body spooled to disk was hashed while it streamed in; the verifier checks that hash as any other
        SignedRequest signed = request.upload() != null
                ? SignedRequest.withPayloadHash(request.method(), request.rawPath(), request.rawQuery(), headers,
                        request.upload().sha256Hex())
                : SignedRequest.of(request.method(), request.rawPath(), request.rawQuery(), headers, request.body());
        VerifiedRequest<Principal> verified = verifier.verify(signed);
        if (!verified.identity().isTemporary()) { // IAM reports the last use of long-term keys only
            usage.note(verified.accessKeyId(), verified.scope().service(), verified.scope().region());
        }
        return new Authenticated(verified.identity(), verified.scope().service());
    }
}
