package io.gatepass.cli.internal.aws.call.direct;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * AWS Signature Version 4 in the Authorization header, as the SDK signs a JSON-protocol request: every header the
 * request carries is signed except User-Agent (and the other headers the SDK leaves out), the path is URI-encoded once
 * more and normalized, the payload hash is the SHA-256 of the body, also sent as {@code x-amz-content-sha256}.
 */
final class SigV4 {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final List<String> UNSIGNED = List.of("connection", "x-amzn-trace-id", "user-agent", "expect");
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
        TreeMap<String, String> canonicalHeaders = new TreeMap<>();
        headers.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!UNSIGNED.contains(lower)) {
                List<String> trimmed = new ArrayList<>(values.size());
                for (String value : values) {
                    trimmed.add(value.trim().replaceAll(" +", " "));
                }
                canonicalHeaders.merge(lower, String.join(",", trimmed), (a, b) -> a + "," + b);
            }
        });
        StringBuilder canonical = new StringBuilder(method).append('\n')
                .append(canonicalPath(uri.getRawPath())).append('\n')
                .append(canonicalQuery(uri.getRawQuery())).append('\n');
        canonicalHeaders.forEach((name, value) -> canonical.append(name).append(':').append(value).append('\n'));
        String signedHeaders = String.join(";", canonicalHeaders.keySet());
        canonical.append('\n').append(signedHeaders).append('\n').append(payloadHash);
        String scope = date + "/" + region + "/" + service + "/aws4_request";
        String toSign = "AWS4-HMAC-SHA256\n" + timestamp + "\n" + scope + "\n"
                + HEX.formatHex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + credentials.secretAccessKey()).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(hmac(hmac(key, region), service), "aws4_request");
        headers.put("Authorization", List.of("AWS4-HMAC-SHA256 Credential=" + credentials.accessKeyId() + "/" + scope
                + ", SignedHeaders=" + signedHeaders + ", Signature=" + HEX.formatHex(hmac(key, toSign))));
    }

    /** The path normalized (dot segments removed) and each segment encoded once more, as the SDK signs it. */
    static String canonicalPath(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        String normalized = URI.create(rawPath).normalize().getRawPath();
        if (rawPath.endsWith("/") && !normalized.endsWith("/")) {
            normalized += "/";
        }
        return SdkHttpUtils.urlEncodeIgnoreSlashes(normalized.startsWith("/") ? normalized : "/" + normalized);
    }

    /** Parameters sorted by encoded name, then encoded value; every name and value encoded as RFC 3986 says. */
    static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            pairs.add(new String[] {reencode(name), reencode(value)});
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        StringBuilder query = new StringBuilder();
        for (String[] pair : pairs) {
            if (query.length() > 0) {
                query.append('&');
            }
            query.append(pair[0]).append('=').append(pair[1]);
        }
        return query.toString();
    }

    private static String reencode(String encoded) {
        return SdkHttpUtils.urlEncode(SdkHttpUtils.urlDecode(encoded));
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
