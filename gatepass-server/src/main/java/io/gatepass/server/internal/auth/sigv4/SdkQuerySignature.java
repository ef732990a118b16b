package io.gatepass.server.internal.auth.sigv4;

import io.gatepass.core.error.ServiceException;
import io.gatepass.server.internal.api.CommonErrors;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The SigV4 query authorization the GameLift server SDKs (5.2 and later) put on their websocket URL instead of a
 * compute auth token: {@code Authorization=SigV4}, {@code X-Amz-Algorithm}, {@code X-Amz-Credential},
 * {@code X-Amz-Date}, {@code X-Amz-Signature} and optionally {@code X-Amz-Security-Token}. It is not a presigned
 * request: the "canonical request" is only the sorted, form-encoded {@code ComputeId}, {@code FleetId} and
 * {@code pID} parameters ({@code k=v&k=v}); its SHA-256 goes into an ordinary string to sign for the service
 * {@code gamelift}. The date may be at most 15 minutes from the clock, either way, as for header signatures.
 *
 * <p>Thread-safe; derived signing keys are cached. Nothing is logged.
 */
public final class SdkQuerySignature {
    /** The parameters the SDKs sign, in the order they are signed. */
    public static final List<String> SIGNED_PARAMETERS = List.of("ComputeId", "FleetId", "pID");
    private static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final String SERVICE = "gamelift";

    private final String region;
    private final Clock clock;
    private final SigningKeyCache keys = new SigningKeyCache(1024);

    public SdkQuerySignature(String region, Clock clock) {
        this.region = Objects.requireNonNull(region, "region");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Why a signature was refused. */
    public enum Failure {
        /** A part is missing, or the algorithm, credential or date is not of the expected form. */
        MALFORMED,
        /** Scoped to another region or service, or to a day other than the date's. */
        WRONG_SCOPE,
        /** The date is more than 15 minutes from the server's clock. */
        STALE,
        /** The access key is unknown or inactive, or its session token is missing or wrong. */
        UNKNOWN_KEY,
        /** The session token has expired. */
        EXPIRED_CREDENTIALS,
        /** The signature does not match. */
        BAD_SIGNATURE
    }

    /** The outcome: the signer's identity, or why not. */
    public record Result<I>(I identity, Failure failure) {
        public boolean isValid() {
            return failure == null;
        }
    }

    /** Checks the signature on a websocket URL's (decoded) query parameters. Never throws for bad input. */
    public <I> Result<I> verify(Map<String, String> query, SigningSecrets<I> secrets) {
        String algorithm = query.get("X-Amz-Algorithm");
        String credential = query.get("X-Amz-Credential");
        String date = query.get("X-Amz-Date");
        String signature = query.get("X-Amz-Signature");
        if (credential == null || date == null || signature == null
                || !ALGORITHM.equals(algorithm)) {
            return failed(Failure.MALFORMED);
        }
        String[] parts = credential.split("/", -1);
        long signedAt = AmzDate.parseBasic(date);
        if (parts.length != 5 || parts[0].isEmpty() || signedAt == AmzDate.INVALID) {
            return failed(Failure.MALFORMED);
        }
        if (!parts[2].equals(region) || !parts[3].equals(SERVICE) || !parts[4].equals("aws4_request")
                || !parts[1].equals(AmzDate.formatDate(signedAt))) {
            return failed(Failure.WRONG_SCOPE);
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - signedAt) > RequestTime.MAX_CLOCK_SKEW_SECONDS) {
            return failed(Failure.STALE);
        }
        SigningSecret<I> secret;
        try {
            secret = secrets.resolve(parts[0], query.get("X-Amz-Security-Token"));
        } catch (ServiceException e) {
            return failed(e.errorCode() == CommonErrors.EXPIRED_TOKEN ? Failure.EXPIRED_CREDENTIALS : Failure.UNKNOWN_KEY);
        }
        CredentialScope scope = new CredentialScope(parts[1], parts[2], parts[3]);
        Crypto crypto = Crypto.get();
        byte[] computed = crypto.hmac(keys.signingKey(crypto, parts[0], secret.secretAccessKey(), scope),
                stringToSign(date, scope, signedParameters(query)));
        return crypto.signatureMatches(computed, signature) ? new Result<>(secret.identity(), null)
                : failed(Failure.BAD_SIGNATURE);
    }

    /** The parameters of {@link #SIGNED_PARAMETERS} that the query has. */
    public static Map<String, String> signedParameters(Map<String, String> query) {
        TreeMap<String, String> signed = new TreeMap<>();
        for (String name : SIGNED_PARAMETERS) {
            if (query.get(name) != null) {
                signed.put(name, query.get(name));
            }
        }
        return signed;
    }

    /** The string to sign for these parameters (all of them, sorted), signed at {@code amzDate} in {@code scope}. */
    static String stringToSign(String amzDate, CredentialScope scope, Map<String, String> signedParameters) {
        TreeMap<String, String> signed = new TreeMap<>(signedParameters);
        StringBuilder canonical = new StringBuilder();
        signed.forEach((name, value) -> {
            if (!canonical.isEmpty()) {
                canonical.append('&');
            }
            canonical.append(formEncode(name)).append('=').append(formEncode(value));
        });
        byte[] hash = Crypto.get().sha256(canonical.toString().getBytes(StandardCharsets.UTF_8));
        return ALGORITHM + "\n" + amzDate + "\n" + scope + "\n" + Crypto.hex(hash);
    }

    /** Signs these parameters (all of them) as the SDKs do; for tests and tools. Returns the hex signature. */
    public static String sign(String secretAccessKey, String amzDate, String region,
                              Map<String, String> signedParameters) {
        long at = AmzDate.parseBasic(amzDate);
        if (at == AmzDate.INVALID) {
            throw new IllegalArgumentException("not an ISO 8601 basic date: " + amzDate);
        }
        CredentialScope scope = new CredentialScope(AmzDate.formatDate(at), region, SERVICE);
        Crypto crypto = Crypto.get();
        return Crypto.hex(crypto.hmac(SigningKeyCache.derive(crypto, secretAccessKey, scope),
                stringToSign(amzDate, scope, signedParameters)));
    }

    /** Form encoding as Go's url.QueryEscape does it: space as '+', everything but [A-Za-z0-9-_.~] escaped. */
    private static String formEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("*", "%2A").replace("%7E", "~");
    }

    private static <I> Result<I> failed(Failure failure) {
        return new Result<>(null, failure);
    }
}
