package io.gatepass.server.internal.gamelift;

import java.util.List;

/**
 * The process managers on the computes (the Amazon GameLift Agent, over the agent websocket), as the SDK websocket
 * sees them: told when a process they launched registers, activates a game session, or is to be killed. Each method
 * returns at once; a compute without a connected agent ignores it.
 */
public interface ProcessAgents {
    /** The process called ProcessReady (ActivateServerProcess) with these log paths. */
    void processRegistered(ServerProcess process, List<String> logPaths);

    /** The process activated its game session (ActivateGameSession). */
    void gameSessionActivated(ServerProcess process, String gameSessionId);

    /** The server gave up on the process (it did not end when told to): the agent should kill it. */
    void forceExit(ServerProcess process, String terminationReason);

    /** No agents. */
    ProcessAgents NONE = new ProcessAgents() {
        @Override
        public void processRegistered(ServerProcess process, List<String> logPaths) {
        }

        @Override
        public void gameSessionActivated(ServerProcess process, String gameSessionId) {
        }

        @Override
        public void forceExit(ServerProcess process, String terminationReason) {
        }
    };
}
