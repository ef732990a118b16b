package io.gatepass.server.internal.auth.sigv4;

import io.gatepass.server.internal.api.CommonErrors;
import io.gatepass.core.error.ErrorCode;
import io.gatepass.core.error.ServiceException;

import java.util.Collection;
import java.util.Iterator;
import java.util.regex.Pattern;

/**
 * The errors of SigV4 verification, worded as AWS words them (query-protocol codes; the JSON codecs map them with
 * {@link CommonErrors#forJson}). Messages never contain a secret or a signature.
 */
final class SigV4Errors {
    static final String SIGNATURE_MISMATCH = "The request signature we calculated does not match the signature you"
            + " provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for"
            + " details.";
    private static final Pattern SIGNATURE_VALUE = Pattern.compile("(Signature=)[^,\\s]*");
    /** Anything that looks like a signature (or a hash, or a hex secret) in text echoed back to the client. */
    private static final Pattern LONG_HEX = Pattern.compile("[0-9a-fA-F]{32,}");

    private SigV4Errors() {
    }

    static ServiceException missingAuthenticationToken() {
        return CommonErrors.MISSING_AUTHENTICATION_TOKEN.exception("Request is missing Authentication Token");
    }

    /** A signature element given twice: which one was meant is not for the server to guess. */
    static ServiceException repeated(String what) {
        return CommonErrors.INCOMPLETE_SIGNATURE.exception("The request carries more than one " + what + ".");
    }

    static ServiceException bothAuthorizationHeaderAndQuery() {
        return CommonErrors.SIGNATURE_DOES_NOT_MATCH.exception(
                "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.");
    }

    /** Echoes the scheme as AWS does, unless it is too long to be one (a bare token sent as the whole header). */
    static ServiceException unsupportedAlgorithm(String algorithm) {
        String shown = algorithm.length() <= 24 ? redact(algorithm) : algorithm.substring(0, 4) + "…";
        return CommonErrors.INCOMPLETE_SIGNATURE.exception("Unsupported AWS 'algorithm': '" + shown + "'.");
    }

    static ServiceException notKeyValuePair(String pair, String authorization) {
        return CommonErrors.INCOMPLETE_SIGNATURE.exception("'" + redact(pair) + "' not a valid key=value pair (missing"
                + " equal-sign) in Authorization header: '" + redact(authorization) + "'.");
    }

    /** {@code missing} are the complete sentences, e.g. "Authorization header requires 'Credential' parameter.". */
    static ServiceException incompleteAuthorizationHeader(Collection<String> missing, String algorithm) {
        return CommonErrors.INCOMPLETE_SIGNATURE.exception(String.join(" ", missing) + " Authorization=" + algorithm);
    }

    /** {@code missing} are parameter names, e.g. {@code X-Amz-Credential}. */
    static ServiceException incompleteQueryString(Collection<String> missing) {
        StringBuilder message = new StringBuilder();
        for (String parameter : missing) {
            message.append("AWS query-string parameters must include '").append(parameter).append("'. ");
        }
        return CommonErrors.INCOMPLETE_SIGNATURE.exception(message.append("Re-examine the query-string parameters.")
                .toString());
    }

    static ServiceException hostNotSigned() {
        return CommonErrors.SIGNATURE_DOES_NOT_MATCH.exception(
                "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
    }

    static ServiceException dateNotIso8601(String date) {
        return CommonErrors.INCOMPLETE_SIGNATURE.exception("Date must be in ISO-8601 'basic format'. Got '" + date
                + "'. See http://en.wikipedia.org/wiki/ISO_8601");
    }

    /**
     * A date outside the window. STS answers {@code SignatureDoesNotMatch}, other services {@code RequestExpired}
     * (which the JSON protocols spell {@code InvalidSignatureException}, as they spell SignatureDoesNotMatch).
     */
    static ErrorCode staleCode(String service) {
        return "sts".equals(service) ? CommonErrors.SIGNATURE_DOES_NOT_MATCH : CommonErrors.REQUEST_EXPIRED;
    }

    static ServiceException signatureExpired(ErrorCode code, long signedAt, long limit, long now, String window) {
        return code.exception("Signature expired: " + AmzDate.formatBasic(signedAt)
                + " is now earlier than " + AmzDate.formatBasic(limit) + " (" + AmzDate.formatBasic(now) + " - "
                + window + ")");
    }

    static ServiceException signatureNotYetCurrent(ErrorCode code, long signedAt, long limit, long now,
                                                   String window) {
        return code.exception("Signature not yet current: "
                + AmzDate.formatBasic(signedAt) + " is still later than " + AmzDate.formatBasic(limit) + " ("
                + AmzDate.formatBasic(now) + " + " + window + ")");
    }

    static ServiceException expiresNotANumber() {
        return CommonErrors.INCOMPLETE_SIGNATURE.exception("X-Amz-Expires should be a number");
    }

    static ServiceException expiresTooLarge(long max) {
        return CommonErrors.SIGNATURE_DOES_NOT_MATCH.exception(
                "X-Amz-Expires must be less than a week (in seconds) that is; " + max);
    }

    static ServiceException expiresTooSmall(String expires, long max) {
        return CommonErrors.SIGNATURE_DOES_NOT_MATCH.exception("X-Amz-Expires must be between 1 and " + max
                + " seconds, got '" + expires + "'.");
    }

    static ServiceException credentialNotFiveParts(String credential) {
        return CommonErrors.INCOMPLETE_SIGNATURE.exception("Credential must have exactly 5 slash-delimited elements,"
                + " e.g. keyid/date/region/service/term, got '" + credential + "'");
    }

    static String wrongRegion(String region, Collection<String> expected) {
        return "Credential should be scoped to a valid region, not '" + region + "'. Expected " + quoted(expected)
                + ". ";
    }

    static String wrongService(Collection<String> expected) {
        return "Credential should be scoped to correct service: " + quoted(expected) + ". ";
    }

    static String wrongTerminator(String terminator) {
        return "Credential should be scoped with a valid terminator: 'aws4_request', not '" + terminator + "'. ";
    }

    static String wrongScopeDate(String scopeDate, String requestDate, String requestDateTime) {
        return "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '"
                + scopeDate + "' != '" + requestDate + "', from '" + requestDateTime + "'. ";
    }

    static ServiceException badCredentialScope(String sentences) {
        return CommonErrors.SIGNATURE_DOES_NOT_MATCH.exception(sentences);
    }

    static ServiceException contentSha256Mismatch() {
        return CommonErrors.SIGNATURE_DOES_NOT_MATCH.exception(
                "The provided 'x-amz-content-sha256' header does not match what was computed.");
    }

    static ServiceException signatureMismatch() {
        return CommonErrors.SIGNATURE_DOES_NOT_MATCH.exception(SIGNATURE_MISMATCH);
    }

    static ServiceException unknownAccessKey() {
        return CommonErrors.INVALID_CLIENT_TOKEN_ID.exception("The security token included in the request is invalid.");
    }

    static ServiceException malformedEscape(String escape) {
        return CommonErrors.MALFORMED_QUERY_STRING.exception("Illegal hex character in escape % pattern: " + escape);
    }

    static ServiceException incompleteEscape() {
        return CommonErrors.MALFORMED_QUERY_STRING.exception("Incomplete trailing escape % sequence");
    }

    /** 'a', 'b' or 'c'. */
    private static String quoted(Collection<String> values) {
        StringBuilder out = new StringBuilder();
        Iterator<String> it = values.iterator();
        int index = 0;
        while (it.hasNext()) {
            String value = it.next();
            if (index > 0) {
                out.append(it.hasNext() ? ", " : " or ");
            }
            out.append('\'').append(value).append('\'');
            index++;
        }
        return out.toString();
    }

    private static String redact(String text) {
        return LONG_HEX.matcher(SIGNATURE_VALUE.matcher(text).replaceAll("$1<redacted>")).replaceAll("<redacted>");
    }
}
