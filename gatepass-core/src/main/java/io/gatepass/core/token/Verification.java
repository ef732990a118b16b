package io.gatepass.core.token;

import io.gatepass.core.token.ComputeRegistrations.Registration;

import java.time.Instant;
import java.util.Objects;

/** What {@link TokenVerifier#verify(String)} found: the token's subject, or why it is refused. */
public sealed interface Verification {

    /** Whether the token is accepted. */
    default boolean isValid() {
        return this instanceof Valid;
    }

    /**
     * An accepted token.
     *
     * @param registration the compute's current registration (fleet id, compute name, registration id)
     * @param expiry       when the token stops being accepted (whole seconds)
     */
    record Valid(Registration registration, Instant expiry) implements Verification {
        public Valid {
            Objects.requireNonNull(registration, "registration");
            Objects.requireNonNull(expiry, "expiry");
        }
    }

    /** A refused token and the reason. */
    record Refused(Reason reason) implements Verification {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Why a token is refused, in the order the checks run. */
    enum Reason {
        /** Not a compute auth token of this format at all. */
        MALFORMED,
        /** Signed with a key this ring does not have, or no longer accepts. */
        UNKNOWN_KEY,
        /**
         * The registration it names is gone: the compute was deregistered or its fleet deleted. Since the signature
         * binds the fleet and compute the registration had, it cannot be checked then; a made-up token naming an
         * unknown registration is refused for this reason too.
         */
        REVOKED,
        /** The signature does not match: forged, altered, or issued for another compute. */
        BAD_SIGNATURE,
        /** Genuine, but its expiry is now or past. */
        EXPIRED
    }
}
