package io.gatepass.core.token;

import java.time.Instant;
import java.util.Objects;

/**
 * What {@link TokenVerifier#verify(String)} found: the token's subject, or why it is refused. The same for every kind
 * of token; {@code S} is what a token of the kind names: a compute's
 * {@link ComputeRegistrations.Registration registration}, or a {@link RepositoryTokenSubject}.
 */
public sealed interface Verification<S> {

    /** Whether the token is accepted. */
    default boolean isValid() {
        return this instanceof Valid;
    }

    /**
     * An accepted token.
     *
     * @param subject what the token was issued for: the compute's current registration (fleet id, compute name,
     *                registration id), or the principal and domain a repository token carries
     * @param expiry  when the token stops being accepted (whole seconds)
     */
    record Valid<S>(S subject, Instant expiry) implements Verification<S> {
        public Valid {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(expiry, "expiry");
        }
    }

    /** A refused token and the reason. */
    record Refused<S>(Reason reason) implements Verification<S> {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Why a token is refused. The checks run format, key, signature, expiry, subject; except that a compute auth
     * token's registration is looked up before its signature (the signature binds the fleet and compute the
     * registration had), see {@link ComputeAuthTokens}.
     */
    enum Reason {
        /** Not a token of this kind (and of a format it knows) at all. */
        MALFORMED,
        /** Signed with a key this ring does not have, or no longer accepts. */
        UNKNOWN_KEY,
        /** The signature does not match: forged, altered, or issued for another compute. */
        BAD_SIGNATURE,
        /** Genuine, but its expiry is now or past. */
        EXPIRED,
        /**
         * What the token names is gone. A compute auth token: the compute was deregistered or its fleet deleted (a
         * made-up token naming an unknown registration is refused for this reason too). A repository authorization
         * token: its domain was deleted (and perhaps created again: another incarnation).
         */
        REVOKED
    }
}
