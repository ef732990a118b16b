/**
 * The seam between the GameLift control plane (game sessions and player sessions, {@code api/gamelift}) and the game
 * servers connected over the server SDK websocket ({@code endpoints/sdk}). Neither side imports the other: the
 * websocket implements {@link io.gatepass.server.internal.gamelift.ServerProcesses}, the game sessions implement
 * {@link io.gatepass.server.internal.gamelift.GameSessionEvents}, and the composition root connects the two. Both
 * (and the Gatepass API) check GameLift's plain ids with {@link io.gatepass.server.internal.gamelift.GameLiftIds}.
 */
package io.gatepass.server.internal.gamelift;
