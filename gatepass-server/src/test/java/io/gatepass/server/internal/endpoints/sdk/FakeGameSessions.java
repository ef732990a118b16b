package io.gatepass.server.internal.endpoints.sdk;

import io.gatepass.core.error.ServiceException;
import io.gatepass.server.internal.gamelift.GameSessionEvents;
import io.gatepass.server.internal.gamelift.PlayerSessionView;
import io.gatepass.server.internal.gamelift.ServerProcess;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Records what the websocket tells the game sessions; answers with what a test sets. */
final class FakeGameSessions implements GameSessionEvents {
    /** One line per call: "method process-id argument...". */
    final BlockingQueue<String> calls = new LinkedBlockingQueue<>();
    volatile ServiceException failWith;
    volatile List<PlayerSessionView> playerSessions = List.of();

    private void record(String line) {
        calls.add(line);
        ServiceException failure = failWith;
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void activateGameSession(ServerProcess process, String gameSessionId) {
        record("activateGameSession " + process.processId() + " " + gameSessionId);
    }

    @Override
    public void acceptPlayerSession(ServerProcess process, String gameSessionId, String playerSessionId) {
        record("acceptPlayerSession " + process.processId() + " " + gameSessionId + " " + playerSessionId);
    }

    @Override
    public void removePlayerSession(ServerProcess process, String gameSessionId, String playerSessionId) {
        record("removePlayerSession " + process.processId() + " " + gameSessionId + " " + playerSessionId);
    }

    @Override
    public void updatePlayerSessionCreationPolicy(ServerProcess process, String gameSessionId, String policy) {
        record("updatePlayerSessionCreationPolicy " + process.processId() + " " + gameSessionId + " " + policy);
    }

    @Override
    public PlayerSessionPage describePlayerSessions(ServerProcess process, PlayerSessionQuery query) {
        record("describePlayerSessions " + process.processId() + " " + query.gameSessionId() + " "
                + query.limit());
        return new PlayerSessionPage(playerSessions, null);
    }

    @Override
    public void processEnded(ServerProcess process, String statusReason) {
        calls.add("processEnded " + process.processId() + " " + statusReason);
    }

    /** The next call, waiting a while for it. */
    String next() throws InterruptedException {
        String call = calls.poll(SdkTestClient.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (call == null) {
            throw new AssertionError("no call to the game sessions within " + SdkTestClient.WAIT);
        }
        return call;
    }
}
