/**
 * The seam between the GameLift control plane (game sessions and player sessions, {@code api/gamelift}) and the game
 * servers connected over the server SDK websocket ({@code endpoints/sdk}). Neither side imports the other: the
 * websocket implements {@link io.gatepass.server.internal.gamelift.ServerProcesses}, the game sessions implement
 * {@link io.gatepass.server.internal.gamelift.GameSessionEvents}, and the composition root connects the two.
 */
package io.gatepass.server.internal.gamelift;
