/**
 * The agent websocket ({@code /gamelift/agent}), the compute's {@code GameLiftAgentEndpoint}: the Amazon GameLift
 * Agent (and anything speaking its protocol) connects with its compute auth token, reads the fleet's runtime
 * configuration, heartbeats with the processes it launched, and is told when they register, activate a game session
 * or must be killed. The processes themselves talk to the SDK websocket ({@code endpoints/sdk}).
 */
package io.gatepass.server.internal.endpoints.agent;
