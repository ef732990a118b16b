package io.gatepass.core.gamelift;

import java.time.Instant;

/** A location a fleet runs in, with the fleet's status there (an AWS {@code FleetStatus} value as text). */
public record FleetLocation(String fleetId, String location, String status, Instant createdAt) {
}
