package io.gatepass.core.token;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Whom a CodeArtifact repository authorization token was issued to, and for which domain. The token carries all of it,
 * so a verifier needs no lookup to name the caller; what the caller may do is decided later from the principal's
 * permissions.
 *
 * @param domainOwner     the 12-digit account that owns the domain
 * @param domainName      the domain's name, {@code [a-z][a-z0-9-]{0,48}[a-z0-9]}
 * @param domainCreatedAt when the domain (this incarnation of the name) was created; kept to the millisecond
 *                        (truncated). A domain deleted and created again under the same name has another creation
 *                        time, so tokens issued for the old one are refused ({@link Verification.Reason#REVOKED})
 * @param principalArn    the calling principal's ARN, e.g. {@code arn:aws:iam::111122223333:user/ci} or
 *                        {@code arn:aws:sts::111122223333:assumed-role/r/s}: 1 to 2,048 printable ASCII characters
 * @param accountId       the calling principal's 12-digit account
 */
public record RepositoryTokenSubject(String domainOwner, String domainName, Instant domainCreatedAt,
                                     String principalArn, String accountId) {
    /** The longest principal ARN a token carries. */
    public static final int MAX_ARN_LENGTH = 2048;


    public RepositoryTokenSubject {
        Objects.requireNonNull(domainOwner, "domainOwner");
        Objects.requireNonNull(domainName, "domainName");
        Objects.requireNonNull(domainCreatedAt, "domainCreatedAt");
        Objects.requireNonNull(principalArn, "principalArn");
        Objects.requireNonNull(accountId, "accountId");
        if (!isAccount(domainOwner)) {
            throw new IllegalArgumentException("a domain owner is a 12-digit account id");
        }
        if (!isAccount(accountId)) {
            throw new IllegalArgumentException("an account id is 12 digits");
        }
        if (!isDomainName(domainName)) {
            throw new IllegalArgumentException("a domain name matches [a-z][a-z0-9-]{0,48}[a-z0-9]");
        }
        if (!isArn(principalArn)) {
            throw new IllegalArgumentException(
                    "a principal ARN starts with 'arn:' and has at most " + MAX_ARN_LENGTH + " printable ASCII characters");
        }
        domainCreatedAt = domainCreatedAt.truncatedTo(ChronoUnit.MILLIS);
        if (domainCreatedAt.toEpochMilli() < 0 || domainCreatedAt.toEpochMilli() > RepositoryTokenFormat.MAX_CREATED_MILLIS) {
            throw new IllegalArgumentException("domain creation time out of range: " + domainCreatedAt);
        }
    }

    // Hand-written rather than regular expressions: verify builds a subject from every token it decodes.

    private static boolean isAccount(String text) {
        if (text.length() != 12) {
            return false;
        }
        for (int i = 0; i < 12; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** {@code [a-z][a-z0-9-]{0,48}[a-z0-9]}. */
    private static boolean isDomainName(String text) {
        int length = text.length();
        if (length < 2 || length > 50 || !lowerOrDigit(text.charAt(0)) || text.charAt(0) <= '9'
                || !lowerOrDigit(text.charAt(length - 1))) {
            return false;
        }
        for (int i = 1; i < length - 1; i++) {
            char c = text.charAt(i);
            if (!lowerOrDigit(c) && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean lowerOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    /** {@code arn:} and 1 or more printable ASCII characters other than space, {@link #MAX_ARN_LENGTH} in all. */
    private static boolean isArn(String text) {
        if (text.length() <= 4 || text.length() > MAX_ARN_LENGTH || !text.startsWith("arn:")) {
            return false;
        }
        for (int i = 4; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }
}
