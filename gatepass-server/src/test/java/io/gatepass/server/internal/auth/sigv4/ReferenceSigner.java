package io.gatepass.server.internal.auth.sigv4;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SigV4 straight from the specification, over a canonical request written out by hand, independent of the code under
 * test; for requests the SDK will not produce (a {@code Date} header instead of {@code X-Amz-Date}, odd scopes).
 */
final class ReferenceSigner {
    private ReferenceSigner() {
    }

    static String signature(String secret, String amzDate, String scope, String canonicalRequest) {
        try {
            String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n" + hex(sha256(canonicalRequest));
            String[] parts = scope.split("/");
            byte[] key = ("AWS4" + secret).getBytes(StandardCharsets.UTF_8);
            for (String part : parts) {
                key = hmac(key, part);
            }
            return hex(hmac(key, stringToSign));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256Hex(String text) {
        try {
            return hex(sha256(text));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(String text) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(byte[] key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(String.format("%02x", b));
        }
        return out.toString();
    }
}
