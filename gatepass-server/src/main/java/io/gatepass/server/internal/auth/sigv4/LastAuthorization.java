package io.gatepass.server.internal.auth.sigv4;

import java.util.List;

/**
 * One thread's last {@code Credential} and {@code SignedHeaders} values with what was derived from them, so that a
 * client signing call after call with the same key, scope and headers costs a comparison of characters instead of
 * substrings, a split and a scope. Only ever reused for a value equal character for character, so every check still
 * sees exactly what the request carried; never shared between threads (one per {@link Crypto}).
 */
final class LastAuthorization {
    /** The last credential split into its scope, or null. */
    String credential;
    /** {@link #credential}'s access key id. */
    String accessKeyId;
    /** {@link #credential}'s scope. */
    CredentialScope scope;
    /** Where {@link #credential}'s last part (which must be {@code aws4_request}) starts. */
    int terminatorAt;
    /** The last {@code SignedHeaders} value, or null. */
    String signedHeadersText;
    /** {@link #signedHeadersText}, split. */
    List<String> signedHeaders;

    /** {@code text[from, to)} as a String: the {@code last} object itself when equal to it. */
    static String value(String text, int from, int to, String last) {
        int length = to - from;
        return last != null && last.length() == length && text.regionMatches(from, last, 0, length) ? last
                : text.substring(from, to);
    }

    /** The split form of a {@code SignedHeaders} value, reused when the value is the last one. */
    List<String> signedHeaders(String text) {
        if (text != signedHeadersText) {
            signedHeaders = SignatureElements.splitSignedHeaders(text);
            signedHeadersText = text;
        }
        return signedHeaders;
    }
}
