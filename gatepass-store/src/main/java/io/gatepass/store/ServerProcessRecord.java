package io.gatepass.store;

import java.time.Instant;

/**
 * A game server process connected over the SDK websocket, as other nodes see it.
 *
 * @param status      ACTIVE, UNHEALTHY or TERMINATING
 * @param nodeId      the node holding its connection
 * @param sdkVersion  or null
 * @param sdkLanguage or null
 */
public record ServerProcessRecord(String fleetId, String computeName, String processId, String accountId,
                                  String location, String status, int port, String nodeId, String sdkVersion,
                                  String sdkLanguage, Instant activatedAt, Instant lastHeartbeat) {
}
