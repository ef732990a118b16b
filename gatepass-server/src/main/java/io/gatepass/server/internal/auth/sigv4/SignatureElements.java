package io.gatepass.server.internal.auth.sigv4;

import java.util.List;

/**
 * The parts of a signature as the request carried them, before any is checked.
 *
 * @param location          header or query string
 * @param credential        {@code AKID/yyyymmdd/region/service/aws4_request} as sent
 * @param signedHeaders     the names from {@code SignedHeaders}, in the order sent
 * @param signedHeadersText {@code SignedHeaders} as sent, for the canonical request
 * @param signature         the hex signature as sent
 * @param date              the signing time as sent ({@code X-Amz-Date}, or the {@code Date} header)
 * @param dateIsHttpDate    whether {@code date} came from the {@code Date} header (RFC 1123)
 * @param expires           {@code X-Amz-Expires} as sent, or null
 * @param sessionToken      {@code X-Amz-Security-Token}, or null
 */
record SignatureElements(AuthLocation location, String credential, List<String> signedHeaders,
                         String signedHeadersText, String signature, String date, boolean dateIsHttpDate,
                         String expires, String sessionToken) {

    static List<String> splitSignedHeaders(String text) {
        return List.of(split(text, ';'));
    }

    /** Splits on every occurrence of {@code separator}, keeping empty parts. */
    static String[] split(String text, char separator) {
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == separator) {
                count++;
            }
        }
        String[] parts = new String[count];
        int start = 0;
        for (int k = 0; k < count - 1; k++) {
            int end = text.indexOf(separator, start);
            parts[k] = text.substring(start, end);
            start = end + 1;
        }
        parts[count - 1] = text.substring(start);
        return parts;
    }

    @Override
    public String toString() {
        return "SignatureElements[" + location + ", credential=" + credential + ", signedHeaders=" + signedHeadersText
                + ", date=" + date + "]";
    }
}
