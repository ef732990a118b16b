/**
 * The GameLift server SDK 5 websocket ({@code /gamelift/sdk}): the handshake and its authentication
 * ({@link io.gatepass.server.internal.endpoints.sdk.SdkHandshake}), the JSON envelope
 * ({@link io.gatepass.server.internal.endpoints.sdk.SdkMessages}), the actions a game server sends
 * ({@link io.gatepass.server.internal.endpoints.sdk.SdkActions}), and the connected processes with their heartbeats, timeouts
 * and pushes ({@link io.gatepass.server.internal.endpoints.sdk.ServerProcessRegistry}). Only
 * {@link io.gatepass.server.internal.endpoints.sdk.SdkWebSocketRoute} sees Vert.x.
 */
package io.gatepass.server.internal.endpoints.sdk;
