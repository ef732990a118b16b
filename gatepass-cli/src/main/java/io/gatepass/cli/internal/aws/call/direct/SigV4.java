package io.gatepass.cli.internal.aws.call.direct;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.internal.signer.V4CanonicalRequest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * AWS Signature Version 4 in the Authorization header, as the SDK signs a JSON-protocol request. The canonical request
 * is the SDK's own ({@code V4CanonicalRequest}, the class its AwsV4HttpSigner uses: the headers it leaves unsigned,
 * whitespace folding, the path URI-encoded once more and normalized, the query's encoding and order); the payload
 * hash is the SHA-256 of the body, also sent as {@code x-amz-content-sha256}. The SDK's whole signer is not used: in
 * a cold process it loads ~220 more classes (its signing properties, identity and checksum machinery) and costs
 * ~110 ms more CPU than this class (docs/benchmarks.md, seventh pass, review mends).
 */
final class SigV4 {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    /** The SDK signer's defaults: the path URI-encoded once more, and normalized. */
    private static final V4CanonicalRequest.Options SDK_OPTIONS = new V4CanonicalRequest.Options(true, true);
    private static final HexFormat HEX = HexFormat.of();

    private final String region;
    private final String service;

    /** @param service the signing name, e.g. "codeartifact" */
    SigV4(String region, String service) {
        this.region = region;
        this.service = service;
    }

    /**
     * Adds x-amz-content-sha256, X-Amz-Date, X-Amz-Security-Token (session credentials) and Authorization to {@code headers}, which hold
     * every other header the request sends (Host included).
     */
    void sign(String method, URI uri, Map<String, List<String>> headers, byte[] body, AwsCredentials credentials,
              Instant now) {
        String timestamp = STAMP.format(now);
        String date = timestamp.substring(0, 8);
        String payloadHash = HEX.formatHex(sha256(body));
        headers.put("x-amz-content-sha256", List.of(payloadHash));
        headers.put("X-Amz-Date", List.of(timestamp));
        if (credentials instanceof AwsSessionCredentials session) {
            headers.put("X-Amz-Security-Token", List.of(session.sessionToken()));
        }
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri);
        headers.forEach(request::putHeader);
        V4CanonicalRequest canonical = new V4CanonicalRequest(request.build(), payloadHash, SDK_OPTIONS);
        String signedHeaders = canonical.getSignedHeadersString();
        String scope = date + "/" + region + "/" + service + "/aws4_request";
        String toSign = "AWS4-HMAC-SHA256\n" + timestamp + "\n" + scope + "\n"
                + HEX.formatHex(sha256(canonical.getCanonicalRequestString().getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + credentials.secretAccessKey()).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(hmac(hmac(key, region), service), "aws4_request");
        headers.put("Authorization", List.of("AWS4-HMAC-SHA256 Credential=" + credentials.accessKeyId() + "/" + scope
                + ", SignedHeaders=" + signedHeaders + ", Signature=" + HEX.formatHex(hmac(key, toSign))));
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
