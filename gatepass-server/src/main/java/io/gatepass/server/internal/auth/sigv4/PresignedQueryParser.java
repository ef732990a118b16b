package io.gatepass.server.internal.auth.sigv4;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the signature of a presigned request from its query string: {@code X-Amz-Algorithm}, {@code
 * X-Amz-Credential}, {@code X-Amz-Date}, {@code X-Amz-SignedHeaders}, {@code X-Amz-Signature}, and optionally {@code
 * X-Amz-Expires} and {@code X-Amz-Security-Token} (which may instead come as a header). A parameter given twice
 * counts with its first value, as AWS does.
 */
final class PresignedQueryParser {
    static final String ALGORITHM_PARAMETER = "X-Amz-Algorithm";
    static final String SIGNATURE_PARAMETER = "X-Amz-Signature";
    /** Every parameter of the presigned form; none may appear twice. */
    static final java.util.List<String> PARAMETERS = java.util.List.of(ALGORITHM_PARAMETER, "X-Amz-Credential",
            "X-Amz-Date", "X-Amz-SignedHeaders", SIGNATURE_PARAMETER, "X-Amz-Expires", "X-Amz-Security-Token");

    private PresignedQueryParser() {
    }

    static SignatureElements parse(QueryParameters query, RequestHeaders headers) {
        if (!AuthorizationHeaderParser.ALGORITHM.equals(query.first(ALGORITHM_PARAMETER))) {
            throw SigV4Errors.missingAuthenticationToken();
        }
        String credential = query.first("X-Amz-Credential");
        String signature = query.first(SIGNATURE_PARAMETER);
        String signedHeaders = query.first("X-Amz-SignedHeaders");
        String date = query.first("X-Amz-Date");
        List<String> missing = new ArrayList<>(4);
        if (credential == null) {
            missing.add("X-Amz-Credential");
        }
        if (signature == null) {
            missing.add(SIGNATURE_PARAMETER);
        }
        if (signedHeaders == null) {
            missing.add("X-Amz-SignedHeaders");
        }
        if (date == null) {
            missing.add("X-Amz-Date");
        }
        if (!missing.isEmpty()) {
            throw SigV4Errors.incompleteQueryString(missing);
        }
        String sessionToken = query.first("X-Amz-Security-Token");
        if (sessionToken == null) {
            sessionToken = headers.first("x-amz-security-token");
        }
        return new SignatureElements(AuthLocation.QUERY_STRING, credential,
                SignatureElements.splitSignedHeaders(signedHeaders), signedHeaders, signature, date, false,
                query.first("X-Amz-Expires"), sessionToken);
    }
}
