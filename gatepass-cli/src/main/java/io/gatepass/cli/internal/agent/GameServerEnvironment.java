package io.gatepass.cli.internal.agent;

import java.util.Map;

/** The variables the GameLift server SDKs read when a game server process calls InitSDK() without arguments. */
final class GameServerEnvironment {
    static final String WEBSOCKET_URL = "GAMELIFT_SDK_WEBSOCKET_URL";
    static final String AUTH_TOKEN = "GAMELIFT_SDK_AUTH_TOKEN";
    static final String FLEET_ID = "GAMELIFT_SDK_FLEET_ID";
    static final String HOST_ID = "GAMELIFT_SDK_HOST_ID";
    static final String PROCESS_ID = "GAMELIFT_SDK_PROCESS_ID";

    private GameServerEnvironment() {
    }

    static Map<String, String> of(RegisteredCompute compute, AuthToken token, String processId) {
        return Map.of(WEBSOCKET_URL, compute.sdkEndpoint(), AUTH_TOKEN, token.token(), FLEET_ID, compute.fleetId(),
                HOST_ID, compute.computeName(), PROCESS_ID, processId);
    }
}
