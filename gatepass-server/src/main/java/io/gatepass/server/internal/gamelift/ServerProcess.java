package io.gatepass.server.internal.gamelift;

import java.time.Instant;

/**
 * A game server process that connected over the SDK websocket and called ProcessReady (ActivateServerProcess).
 *
 * @param processId   the {@code pID} the process connected with (unique per fleet and compute)
 * @param accountId   the account owning the fleet
 * @param fleetId     the fleet of the compute the process runs on
 * @param computeName the compute the process runs on
 * @param location    the compute's (custom) location
 * @param ipAddress   the compute's IP address, or null
 * @param dnsName     the compute's DNS name, or null
 * @param port        the port the process listens on for players (from ActivateServerProcess)
 * @param activatedAt when ProcessReady was received
 */
public record ServerProcess(String processId, String accountId, String fleetId, String computeName, String location,
                            String ipAddress, String dnsName, int port, Instant activatedAt) {
}
