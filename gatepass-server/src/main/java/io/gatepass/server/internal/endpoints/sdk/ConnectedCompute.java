package io.gatepass.server.internal.endpoints.sdk;

import java.time.Instant;

/**
 * Who a handshake let in: the compute a process runs on and how it authenticated.
 *
 * @param registrationId the compute's current registration (its tokens die with it)
 * @param tokenExpiry    when the compute auth token the connection was opened with expires; null for SigV4
 */
public record ConnectedCompute(String accountId, String fleetId, String fleetArn, String computeName,
                               String location, String ipAddress, String dnsName, String registrationId,
                               Instant tokenExpiry) {
    @Override
    public String toString() {
        return "ConnectedCompute[" + fleetId + "/" + computeName + ", location=" + location + "]";
    }
}
