package io.gatepass.server.internal.endpoints.sdk;

import java.time.Instant;
import java.util.Optional;

/**
 * GetFleetRoleCredentials: temporary credentials for the fleet's instance role. Empty when the fleet has no such role
 * (or it may not be assumed): the reply then carries no credentials, as AWS answers off EC2, and the SDK reports
 * "Fleet role credentials not available for Anywhere fleet."
 */
@FunctionalInterface
public interface FleetRoleCredentials {
    Optional<Credentials> issue(ConnectedCompute compute, String roleArn, String roleSessionName);

    /** Never any credentials. */
    FleetRoleCredentials NONE = (compute, roleArn, roleSessionName) -> Optional.empty();

    /** The reply's members. {@code toString} leaves the secret and token out. */
    record Credentials(String accessKeyId, String secretAccessKey, String sessionToken, String assumedRoleId,
                       String assumedRoleUserArn, Instant expiration) {
        @Override
        public String toString() {
            return "Credentials[" + accessKeyId + ", " + assumedRoleUserArn + ", expires " + expiration + "]";
        }
    }
}
