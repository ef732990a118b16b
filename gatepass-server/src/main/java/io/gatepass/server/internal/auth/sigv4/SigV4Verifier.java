package io.gatepass.server.internal.auth.sigv4;

import io.gatepass.core.error.ServiceException;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Verifies AWS Signature Version 4 on incoming requests, in the {@code Authorization} header or presigned in the
 * query string, the way AWS services other than S3 do, and with their errors, checked in AWS's order:
 * <ol>
 *   <li>query string well formed ({@code MalformedQueryString});</li>
 *   <li>a signature present, in one place only ({@code MissingAuthenticationToken}, {@code SignatureDoesNotMatch});</li>
 *   <li>algorithm {@code AWS4-HMAC-SHA256} and every part present ({@code IncompleteSignature});</li>
 *   <li>{@code host} signed ({@code SignatureDoesNotMatch});</li>
 *   <li>date in ISO 8601 basic form, or RFC 1123 in the {@code Date} header ({@code IncompleteSignature});</li>
 *   <li>{@code X-Amz-Expires} a number from 1 to 604800 ({@code IncompleteSignature}, {@code SignatureDoesNotMatch});</li>
 *   <li>date no more than 15 minutes from the clock, or for presigned requests between 15 minutes ahead and
 *       {@code X-Amz-Expires} seconds ago ("Signature expired: ..." / "Signature not yet current: ...", as
 *       {@code SignatureDoesNotMatch} for STS and {@code RequestExpired} for the other services, like AWS);</li>
 *   <li>credential {@code AKID/date/region/service/aws4_request} ({@code IncompleteSignature}), scoped to a region and
 *       service of the {@link ScopePolicy} and the request's date ({@code SignatureDoesNotMatch});</li>
 *   <li>the secret, from {@link SigningSecrets}, whose exceptions pass through unchanged;</li>
 *   <li>a signed {@code x-amz-content-sha256} equal to the payload's actual hash, and the signature itself
 *       ({@code SignatureDoesNotMatch}), compared in constant time.</li>
 * </ol>
 *
 * <p>The payload is always signed: {@code UNSIGNED-PAYLOAD} and the streaming variants, which only S3 accepts, fail
 * as a content hash mismatch. Session tokens are accepted in a header or query parameter whether signed or not, as
 * AWS accepts them; binding a token to its key is the {@link SigningSecrets}'s job.
 *
 * <p>Thread-safe; create one per server. Derived signing keys are cached (bounded); per-thread digests and buffers are
 * reused, so a verification with a cached key costs a few microseconds. Nothing is logged.
 *
 * @param <I> the identity type {@link SigningSecrets} resolves keys to
 */
public final class SigV4Verifier<I> {
    /** How far a header-signed request's date may be from the server's clock, either way. */
    public static final long MAX_CLOCK_SKEW_SECONDS = RequestTime.MAX_CLOCK_SKEW_SECONDS;
    /** The longest a presigned request may be valid: seven days. */
    public static final long MAX_PRESIGNED_EXPIRES_SECONDS = RequestTime.MAX_PRESIGNED_EXPIRES_SECONDS;
    /** Signing keys cached by the three-argument constructor. */
    public static final int DEFAULT_KEY_CACHE_CAPACITY = 4096;

    private static final String TERMINATOR = "aws4_request";
    /** The SHA-256 of no bytes, in hex. */
    static final String EMPTY_PAYLOAD_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final byte[] EMPTY_PAYLOAD_SHA256_ASCII = EMPTY_PAYLOAD_SHA256.getBytes(StandardCharsets.US_ASCII);

    private final ScopePolicy policy;
    private final SigningSecrets<I> secrets;
    private final Clock clock;
    private final SigningKeyCache keyCache;

    public SigV4Verifier(ScopePolicy policy, SigningSecrets<I> secrets, Clock clock) {
        this(policy, secrets, clock, DEFAULT_KEY_CACHE_CAPACITY);
    }

    /** @param keyCacheCapacity how many derived signing keys to keep; 0 derives the key for every request */
    public SigV4Verifier(ScopePolicy policy, SigningSecrets<I> secrets, Clock clock, int keyCacheCapacity) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.keyCache = new SigningKeyCache(keyCacheCapacity);
    }

    /**
     * Verifies a request signed for any service of the policy.
     *
     * @throws ServiceException with a code from {@link io.gatepass.server.internal.api.CommonErrors} (query-protocol spelling)
     *                          or whatever {@link SigningSecrets} threw
     */
    public VerifiedRequest<I> verify(SignedRequest request) {
        return verify(request, null);
    }

    /**
     * Verifies a request that must be signed for {@code expectedService} (when not null), e.g. {@code gamelift} once
     * the router knows the operation.
     */
    public VerifiedRequest<I> verify(SignedRequest request, String expectedService) {
        QueryParameters query = QueryParameters.parse(request.rawQuery());
        SignatureElements elements = readSignature(request, query);
        if (!elements.signedHeaders().contains("host") && !elements.signedHeaders().contains(":authority")) {
            throw SigV4Errors.hostNotSigned();
        }
        long signedAt = RequestTime.signedAt(elements);
        RequestTime.check(elements, signedAt, clock.instant().getEpochSecond(), expectedService);
        String amzDate = elements.dateIsHttpDate() ? AmzDate.formatBasic(signedAt) : elements.date();
        String credential = elements.credential();
        Crypto crypto = Crypto.get();
        LastAuthorization last = crypto.last;
        if (!credential.equals(last.credential)) {
            splitCredential(credential, last);
        }
        CredentialScope scope = last.scope;
        checkScope(scope, credential, last.terminatorAt, amzDate, expectedService);

        String accessKeyId = last.accessKeyId;
        SigningSecret<I> secret = secrets.resolve(accessKeyId, elements.sessionToken());
        if (secret == null) {
            throw SigV4Errors.unknownAccessKey();
        }
        byte[] payloadHash = payloadHash(request, crypto);
        if (elements.signedHeaders().contains("x-amz-content-sha256")
                && !Crypto.asciiEquals(payloadHash, strip(request.headers().first("x-amz-content-sha256")))) {
            throw SigV4Errors.contentSha256Mismatch();
        }
        byte[] signature = sign(crypto, request, query, elements, payloadHash, amzDate, accessKeyId, scope, secret);
        if (!crypto.signatureMatches(signature, elements.signature())) {
            throw SigV4Errors.signatureMismatch();
        }
        return new VerifiedRequest<>(accessKeyId, scope, elements.signedHeaders(), elements.sessionToken(),
                secret.identity(), elements.location(), Instant.ofEpochSecond(signedAt));
    }

    /** HMAC(signing key, string to sign), the string to sign ending in the hash of the canonical request. */
    private byte[] sign(Crypto crypto, SignedRequest request, QueryParameters query, SignatureElements elements,
                        byte[] payloadHash, String amzDate, String accessKeyId, CredentialScope scope,
                        SigningSecret<I> secret) {
        ByteSink canonical = crypto.canonical.reset();
        CanonicalRequest.write(canonical, request, query,
                elements.location() == AuthLocation.QUERY_STRING ? PresignedQueryParser.SIGNATURE_PARAMETER : null,
                elements.signedHeaders(), elements.signedHeadersText(), payloadHash);
        byte[] canonicalHash = crypto.sha256Scratch(canonical.array(), 0, canonical.length());
        ByteSink stringToSign = crypto.stringToSign.reset()
                .append(AuthorizationHeaderParser.ALGORITHM).append('\n')
                .append(amzDate).append('\n')
                .append(scope.date()).append('/').append(scope.region()).append('/').append(scope.service())
                .append('/').append(TERMINATOR).append('\n')
                .appendHex(canonicalHash);
        byte[] signingKey = keyCache.signingKey(crypto, accessKeyId, secret.secretAccessKey(), scope);
        return crypto.hmacScratch(signingKey, stringToSign.array(), 0, stringToSign.length());
    }

    private static SignatureElements readSignature(SignedRequest request, QueryParameters query) {
        if (request.headers().values("authorization").size() > 1) {
            throw SigV4Errors.repeated("Authorization header");
        }
        for (String parameter : PresignedQueryParser.PARAMETERS) {
            if (query.count(parameter) > 1) {
                throw SigV4Errors.repeated("'" + parameter + "' query-string parameter");
            }
        }
        String authorization = request.headers().first("authorization");
        boolean hasHeader = authorization != null && !authorization.isBlank();
        boolean hasQuery = query.contains(PresignedQueryParser.ALGORITHM_PARAMETER);
        if (hasHeader && hasQuery) {
            throw SigV4Errors.bothAuthorizationHeaderAndQuery();
        }
        if (hasHeader) {
            return AuthorizationHeaderParser.parse(authorization, request.headers());
        }
        if (hasQuery) {
            return PresignedQueryParser.parse(query, request.headers());
        }
        throw SigV4Errors.missingAuthenticationToken();
    }

    /**
     * Splits {@code AKID/date/region/service/terminator} into {@code last}, which then holds this credential.
     *
     * @throws ServiceException IncompleteSignature when the credential is not five parts ({@code last} unchanged)
     */
    private static void splitCredential(String credential, LastAuthorization last) {
        int first = credential.indexOf('/');
        int second = first < 0 ? -1 : credential.indexOf('/', first + 1);
        int third = second < 0 ? -1 : credential.indexOf('/', second + 1);
        int fourth = third < 0 ? -1 : credential.indexOf('/', third + 1);
        if (fourth < 0 || credential.indexOf('/', fourth + 1) >= 0) {
            throw SigV4Errors.credentialNotFiveParts(credential);
        }
        last.credential = null;
        last.accessKeyId = credential.substring(0, first);
        last.scope = new CredentialScope(credential.substring(first + 1, second),
                credential.substring(second + 1, third), credential.substring(third + 1, fourth));
        last.terminatorAt = fourth + 1;
        last.credential = credential;
    }

    /** @param terminatorAt where the credential's last part (which must be {@code aws4_request}) starts */
    private void checkScope(CredentialScope scope, String credential, int terminatorAt, String amzDate,
                            String expectedService) {
        String service = expectedService != null ? expectedService : scope.service();
        boolean regionAccepted = policy.acceptsRegion(service, scope.region());
        boolean serviceAccepted = expectedService != null ? expectedService.equals(scope.service())
                : policy.acceptsService(service);
        boolean terminated = credential.length() - terminatorAt == TERMINATOR.length()
                && credential.startsWith(TERMINATOR, terminatorAt);
        boolean dateMatches = amzDate.startsWith(scope.date()) && scope.date().length() == 8;
        if (regionAccepted && serviceAccepted && terminated && dateMatches) {
            return;
        }
        StringBuilder problems = new StringBuilder();
        if (!regionAccepted) {
            problems.append(SigV4Errors.wrongRegion(scope.region(), policy.regionsFor(service)));
        }
        if (!serviceAccepted) {
            Set<String> expected = expectedService != null ? Set.of(expectedService) : policy.services();
            problems.append(SigV4Errors.wrongService(expected));
        }
        if (!terminated) {
            problems.append(SigV4Errors.wrongTerminator(credential.substring(terminatorAt)));
        }
        if (!dateMatches) {
            problems.append(SigV4Errors.wrongScopeDate(scope.date(), amzDate.substring(0, 8), amzDate));
        }
        throw SigV4Errors.badCredentialScope(problems.toString());
    }

    /** The payload's SHA-256 as lower-case hex in ASCII bytes (this thread's scratch array, or a shared constant). */
    private static byte[] payloadHash(SignedRequest request, Crypto crypto) {
        if (request.body() == null) {
            return request.payloadSha256Hex().getBytes(StandardCharsets.US_ASCII);
        }
        // GET and body-less POST requests (GetAuthorizationToken's input is all in the query) hash nothing
        return request.body().length == 0 ? EMPTY_PAYLOAD_SHA256_ASCII
                : crypto.hexScratch(crypto.sha256Scratch(request.body(), 0, request.body().length));
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    @Override
    public String toString() {
        return "SigV4Verifier[" + policy + "]";
    }
}
