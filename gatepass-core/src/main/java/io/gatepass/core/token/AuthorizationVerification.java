package io.gatepass.core.token;

import java.time.Instant;
import java.util.Objects;

/** What {@link RepositoryTokenVerifier#verify(String)} found: the token's subject, or why it is refused. */
public sealed interface AuthorizationVerification {

    /** Whether the token is accepted. */
    default boolean isValid() {
        return this instanceof Valid;
    }

    /**
     * An accepted token.
     *
     * @param subject the principal and domain it was issued for, as the token carries them
     * @param expiry  when the token stops being accepted (whole seconds)
     */
    record Valid(RepositoryTokenSubject subject, Instant expiry) implements AuthorizationVerification {
        public Valid {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(expiry, "expiry");
        }
    }

    /** A refused token and the reason. */
    record Refused(Reason reason) implements AuthorizationVerification {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Why a token is refused, in the order the checks run. */
    enum Reason {
        /** Not a repository authorization token of a known format at all. */
        MALFORMED,
        /** Signed with a key this ring does not have, or no longer accepts. */
        UNKNOWN_KEY,
        /** The signature does not match: forged or altered. */
        BAD_SIGNATURE,
        /** Genuine, but its expiry is now or past. */
        EXPIRED,
        /** Genuine and unexpired, but its domain was deleted (and perhaps created again: another incarnation). */
        DOMAIN_GONE
    }
}
