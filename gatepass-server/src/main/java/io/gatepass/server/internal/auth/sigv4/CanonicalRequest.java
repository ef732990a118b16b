package io.gatepass.server.internal.auth.sigv4;

import java.util.List;
import java.util.Locale;

/**
 * Writes the SigV4 canonical request:
 * <pre>
 * METHOD \n canonical-uri \n canonical-query \n (name:value \n)* \n signed-headers \n payload-hash
 * </pre>
 */
final class CanonicalRequest {
    private CanonicalRequest() {
    }

    /**
     * @param excludedParameter a query parameter left out of the canonical query ({@code X-Amz-Signature} when
     *                          presigned), or null
     * @param payloadHash       the payload's SHA-256 in lower-case hex, as ASCII bytes
     * @throws io.gatepass.core.error.ServiceException SignatureDoesNotMatch when a signed header is absent
     */
    static void write(ByteSink out, SignedRequest request, QueryParameters query, String excludedParameter,
                      List<String> signedHeaders, String signedHeadersText, byte[] payloadHash) {
        out.append(request.method()).append('\n');
        CanonicalUri.write(out, request.rawPath());
        out.append('\n');
        query.writeCanonical(out, excludedParameter);
        out.append('\n');
        for (String name : signedHeaders) {
            List<String> values = request.headers().values(lowerCase(name));
            if (values.isEmpty()) {
                throw SigV4Errors.signatureMismatch();
            }
            out.append(name).append(':');
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                appendTrimmed(out, values.get(i));
            }
            out.append('\n');
        }
        out.append('\n').append(signedHeadersText).append('\n').append(payloadHash, 0, payloadHash.length);
    }

    /** Appends the value without leading and trailing white space, each inner run of white space as one space. */
    static void appendTrimmed(ByteSink out, String value) {
        if (isTrimmed(value)) {
            out.append(value);
            return;
        }
        int length = value.length();
        int start = 0;
        while (start < length && isWhiteSpace(value.charAt(start))) {
            start++;
        }
        int end = length;
        while (end > start && isWhiteSpace(value.charAt(end - 1))) {
            end--;
        }
        int wordStart = start;
        for (int i = start; i < end; i++) {
            if (isWhiteSpace(value.charAt(i))) {
                out.append(value, wordStart, i).append(' ');
                while (isWhiteSpace(value.charAt(i + 1))) {
                    i++;
                }
                wordStart = i + 1;
            }
        }
        out.append(value, wordStart, end);
    }

    /** No white space at either end, and inside only single spaces: the value is its own canonical form. */
    private static boolean isTrimmed(String value) {
        int length = value.length();
        if (length == 0) {
            return true;
        }
        if (isWhiteSpace(value.charAt(0)) || isWhiteSpace(value.charAt(length - 1))) {
            return false;
        }
        for (int i = 1; i < length - 1; i++) {
            char c = value.charAt(i);
            if (c <= ' ' && isWhiteSpace(c) && (c != ' ' || value.charAt(i + 1) == ' ')) {
                return false;
            }
        }
        return true;
    }

    /** The white space the AWS SDKs trim and collapse: space, tab, line feed, vertical tab, carriage return, form feed. */
    private static boolean isWhiteSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\r' || c == '\f';
    }

    private static String lowerCase(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                return name.toLowerCase(Locale.ROOT);
            }
        }
        return name;
    }
}
