package io.gatepass.core.token;

import java.util.Objects;
import java.util.Optional;

/**
 * The registrations of computes that are registered now, looked up by registration id; implemented by the server from
 * the store. A compute that was deregistered, or whose fleet was deleted, has no registration any more, so its tokens
 * are refused at once ({@link Verification.Reason#REVOKED}).
 */
@FunctionalInterface
public interface ComputeRegistrations {
    /** The live registration with exactly this id, or empty if there is none (never registered, or gone). */
    Optional<Registration> find(String registrationId);

    /**
     * One RegisterCompute of one compute. A compute registered again under the same name gets a new registration id,
     * so tokens issued to the earlier registration do not work for it.
     *
     * @param fleetId        the fleet id ({@code fleet-<uuid>}), not its ARN
     * @param computeName    the compute's name, not its ARN
     * @param registrationId a UUID in the canonical lower-case form {@link java.util.UUID#toString()} gives, unique to
     *                       this registration; tokens carry it in 22 characters, which is what keeps them within 64
     */
    record Registration(String fleetId, String computeName, String registrationId) {
        public Registration {
            Objects.requireNonNull(fleetId, "fleetId");
            Objects.requireNonNull(computeName, "computeName");
            Objects.requireNonNull(registrationId, "registrationId");
        }

        // Written out: a record's generated equality is method-handle code the JIT compiler inlines into the compiled
        // minting path, where a registration is part of the minted-token cache's key (TokenAuthority)
        @Override
        public boolean equals(Object other) {
            return other instanceof Registration registration && fleetId.equals(registration.fleetId)
                    && computeName.equals(registration.computeName)
                    && registrationId.equals(registration.registrationId);
        }

        @Override
        public int hashCode() {
            return (31 * fleetId.hashCode() + computeName.hashCode()) * 31 + registrationId.hashCode();
        }
    }
}
