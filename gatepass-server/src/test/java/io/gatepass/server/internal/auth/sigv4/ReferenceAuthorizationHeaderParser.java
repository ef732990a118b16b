package io.gatepass.server.internal.auth.sigv4;

import io.gatepass.core.error.ServiceException;

import java.util.ArrayList;
import java.util.List;

/**
 * The Authorization header parser as it was before it reused this thread's last credential and signed headers
 * (see {@link LastAuthorization}): a test-only reference for {@link AuthorizationHeaderParserPropertyTest}.
 *
 * <p>Reads {@code Authorization: AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...} and the date and
 * session token headers that go with it. Parameters are separated by commas with optional white space; a parameter
 * given twice counts with its last value, as AWS does.
 */
final class ReferenceAuthorizationHeaderParser {
    static final String ALGORITHM = AuthorizationHeaderParser.ALGORITHM;

    private ReferenceAuthorizationHeaderParser() {
    }

    static SignatureElements parse(String authorization, RequestHeaders headers) {
        String header = authorization.strip();
        int space = indexOfWhiteSpace(header);
        int algorithmEnd = space < 0 ? header.length() : space;
        if (algorithmEnd != ALGORITHM.length() || !header.startsWith(ALGORITHM)) {
            throw SigV4Errors.unsupportedAlgorithm(header.substring(0, algorithmEnd));
        }
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        int length = header.length();
        int start = space < 0 ? length : space + 1;
        while (start < length) {
            int comma = header.indexOf(',', start);
            int end = comma < 0 ? length : comma;
            int from = start;
            int to = end;
            while (from < to && Character.isWhitespace(header.charAt(from))) {
                from++;
            }
            while (to > from && Character.isWhitespace(header.charAt(to - 1))) {
                to--;
            }
            if (to > from) {
                int equals = header.indexOf('=', from);
                if (equals < 0 || equals >= to) {
                    throw SigV4Errors.notKeyValuePair(header.substring(from, to), header);
                }
                int keyLength = equals - from;
                if (keyLength == 10 && header.startsWith("Credential", from)) {
                    credential = header.substring(equals + 1, to);
                } else if (keyLength == 13 && header.startsWith("SignedHeaders", from)) {
                    signedHeaders = header.substring(equals + 1, to);
                } else if (keyLength == 9 && header.startsWith("Signature", from)) {
                    signature = header.substring(equals + 1, to);
                }
                // AWS ignores parameters it does not know.
            }
            start = end + 1;
        }
        String date = headers.first("x-amz-date");
        boolean httpDate = false;
        if (date == null) {
            date = headers.first("date");
            httpDate = date != null;
        }
        if (credential == null || signature == null || signedHeaders == null || date == null) {
            throw incomplete(credential, signature, signedHeaders, date);
        }
        return new SignatureElements(AuthLocation.HEADER, credential,
                SignatureElements.splitSignedHeaders(signedHeaders), signedHeaders, signature, date.strip(), httpDate,
                null, headers.first("x-amz-security-token"));
    }

    private static ServiceException incomplete(String credential, String signature, String signedHeaders,
                                               String date) {
        List<String> missing = new ArrayList<>(4);
        if (credential == null) {
            missing.add("Authorization header requires 'Credential' parameter.");
        }
        if (signature == null) {
            missing.add("Authorization header requires 'Signature' parameter.");
        }
        if (signedHeaders == null) {
            missing.add("Authorization header requires 'SignedHeaders' parameter.");
        }
        if (date == null) {
            missing.add("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }
        return SigV4Errors.incompleteAuthorizationHeader(missing, ALGORITHM);
    }

    private static int indexOfWhiteSpace(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t') {
                return i;
            }
        }
        return -1;
    }
}
