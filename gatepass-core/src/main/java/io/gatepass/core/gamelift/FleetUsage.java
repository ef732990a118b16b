package io.gatepass.core.gamelift;

/**
 * What a fleet's ACTIVE game sessions hold: how many there are, their RESERVED and ACTIVE player sessions, and the sum
 * of their maximum player session counts.
 */
public record FleetUsage(int activeGameSessions, int currentPlayerSessions, int maximumPlayerSessions) {
}
