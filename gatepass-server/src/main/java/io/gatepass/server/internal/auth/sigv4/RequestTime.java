package io.gatepass.server.internal.auth.sigv4;

import io.gatepass.core.error.ErrorCode;

import java.util.regex.Pattern;

/** The signing time of a request, and whether the clock says it may still be used. */
final class RequestTime {
    static final long MAX_CLOCK_SKEW_SECONDS = 15 * 60;
    static final long MAX_PRESIGNED_EXPIRES_SECONDS = 7 * 24 * 60 * 60;
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern NEGATIVE = Pattern.compile("-[0-9]+");

    private RequestTime() {
    }

    /** The signing time in epoch seconds. */
    static long signedAt(SignatureElements elements) {
        long signedAt = elements.dateIsHttpDate()
                ? AmzDate.parseHttpDate(elements.date())
                : AmzDate.parseBasic(elements.date());
        if (signedAt == AmzDate.INVALID) {
            throw SigV4Errors.dateNotIso8601(elements.date());
        }
        return signedAt;
    }

    /**
     * Checks the signing time against the clock: at most 15 minutes ahead, and at most 15 minutes (or {@code
     * X-Amz-Expires} seconds) behind.
     */
    static void check(SignatureElements elements, long signedAt, long now, String expectedService) {
        long expires = expiresSeconds(elements.expires());
        boolean tooNew = signedAt > now + MAX_CLOCK_SKEW_SECONDS;
        long validFor = expires > 0 ? expires : MAX_CLOCK_SKEW_SECONDS;
        boolean tooOld = signedAt < now - validFor;
        if (tooNew || tooOld) {
            // The credential is checked after the date (AWS's order), so the service is only a best guess here.
            String[] credential = SignatureElements.split(elements.credential(), '/');
            String service = expectedService != null ? expectedService
                    : credential.length == 5 ? credential[3] : null;
            ErrorCode code = SigV4Errors.staleCode(service);
            throw tooNew
                    ? SigV4Errors.signatureNotYetCurrent(code, signedAt, now + MAX_CLOCK_SKEW_SECONDS, now, "15 min.")
                    : SigV4Errors.signatureExpired(code, signedAt, now - validFor, now, window(validFor));
        }
    }

    /** X-Amz-Expires in seconds, or 0 when absent (a query-signed request without it gets the 15-minute window). */
    private static long expiresSeconds(String expires) {
        if (expires == null) {
            return 0;
        }
        if (NEGATIVE.matcher(expires).matches()) {
            throw SigV4Errors.expiresTooSmall(expires, MAX_PRESIGNED_EXPIRES_SECONDS);
        }
        if (!DIGITS.matcher(expires).matches()) {
            throw SigV4Errors.expiresNotANumber();
        }
        int firstNonZero = 0;
        while (firstNonZero < expires.length() && expires.charAt(firstNonZero) == '0') {
            firstNonZero++;
        }
        String digits = expires.substring(firstNonZero);
        if (digits.isEmpty()) {
            throw SigV4Errors.expiresTooSmall(expires, MAX_PRESIGNED_EXPIRES_SECONDS);
        }
        if (digits.length() > 7 || Long.parseLong(digits) > MAX_PRESIGNED_EXPIRES_SECONDS) {
            throw SigV4Errors.expiresTooLarge(MAX_PRESIGNED_EXPIRES_SECONDS);
        }
        return Long.parseLong(digits);
    }

    private static String window(long seconds) {
        return seconds % 60 == 0 ? seconds / 60 + " min." : seconds + " sec.";
    }
}
