package io.gatepass.server.internal.endpoints.agent;

import io.gatepass.server.internal.audit.AuditLog;
import io.gatepass.server.internal.endpoints.sdk.ConnectedCompute;
import io.gatepass.server.internal.endpoints.sdk.HandshakeRefusals;
import io.gatepass.server.internal.endpoints.sdk.ProcessConnection;
import io.gatepass.server.internal.endpoints.sdk.Refusal;
import io.gatepass.server.internal.endpoints.sdk.SdkHandshake;
import io.gatepass.server.internal.endpoints.sdk.SdkWebSocketRoute;
import io.gatepass.server.internal.http.WebSocketRoute;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The Vert.x side of {@code /gamelift/agent}: the handshake (the SDK endpoint's, with {@code ComputeName} for
 * {@code ComputeId} and no pID) runs on a worker while the request is paused; a refusal is an HTTP status and nothing
 * else, logged and counted as the SDK endpoint does; each text frame of an accepted connection is handled on a worker,
 * in order, and answered on the same connection.
 */
public final class AgentWebSocketRoute implements WebSocketRoute {
    private static final Logger LOG = LoggerFactory.getLogger(AgentWebSocketRoute.class);
    public static final String PATH = "/gamelift/agent";
    /** The audit log's name for connecting to the agent websocket (not an IAM action). */
    public static final String AUDIT_ACTION = "gamelift-agent:Connect";

    private final Vertx vertx;
    private final SdkHandshake handshake;
    private final ComputeAgents agents;
    private final AgentActions actions;
    private final HandshakeRefusals refusals;

    /** @param refusals counts each refusal (for /metrics) */
    public AgentWebSocketRoute(Vertx vertx, SdkHandshake handshake, ComputeAgents agents, AgentActions actions,
                               Consumer<Refusal> refusals) {
        this(vertx, handshake, agents, actions, refusals, AuditLog.OFF, Clock.systemUTC());
    }

    /** @param audit where each refusal is recorded (kind refusal, action {@value #AUDIT_ACTION}) */
    public AgentWebSocketRoute(Vertx vertx, SdkHandshake handshake, ComputeAgents agents, AgentActions actions,
                               Consumer<Refusal> refusals, AuditLog audit, Clock clock) {
        this.vertx = vertx;
        this.handshake = handshake;
        this.agents = agents;
        this.actions = actions;
        this.refusals = new HandshakeRefusals("Agent websocket", AUDIT_ACTION, refusals, audit, clock);
    }

    @Override
    public boolean handles(HttpServerRequest request) {
        String path = request.path();
        return path.equals(PATH) || path.equals(PATH + "/");
    }

    @Override
    public void handle(HttpServerRequest request, Runnable closed) {
        if (request.method() != HttpMethod.GET || !"websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            request.response().setStatusCode(400).putHeader("Content-Type", "text/plain")
                    .end("The GameLift agent endpoint speaks websocket only.\n");
            return;
        }
        Map<String, String> query = SdkWebSocketRoute.handshakeQuery(request);
        if (query == null) {
            refusals.refuse(request, Map.of(), Refusal.MALFORMED_QUERY, "a malformed query");
            return;
        }
        request.pause();
        String who = "fleet " + SdkWebSocketRoute.loggable(query, "FleetId") + ", compute "
                + SdkWebSocketRoute.loggable(query, "ComputeName");
        vertx.executeBlocking(() -> handshake.checkAgent(query), false).onComplete(done -> {
            if (done.failed()) {
                LOG.error("Agent websocket handshake failed ({})", who, done.cause());
                // 503 while the store is unreachable (the SDK and the agent retry), else 500
                request.response().setStatusCode(done.cause() instanceof io.gatepass.store.StoreUnavailableException
                        ? 503 : 500).end();
                return;
            }
            SdkHandshake.Outcome outcome = done.result();
            if (!outcome.accepted()) {
                refusals.refuse(request, query, outcome.refusal(), who);
                return;
            }
            ConnectedCompute compute = outcome.compute();
            String endpoint = request.authority() == null ? null
                    : (request.isSSL() ? "wss://" : "ws://") + request.authority() + PATH;
            request.toWebSocket()
                    .onSuccess(socket -> bind(socket, compute, endpoint, closed))
                    .onFailure(e -> LOG.info("Agent websocket upgrade failed ({}): {}", who, e.toString()));
        });
    }

    /** @param closed run when the socket closes (see {@link WebSocketRoute#handle}) */
    private void bind(ServerWebSocket socket, ConnectedCompute compute, String endpoint, Runnable closed) {
        ProcessConnection connection = new ProcessConnection() {
            @Override
            public void send(String text) {
                if (!socket.isClosed()) {
                    socket.writeTextMessage(text);
                }
            }

            @Override
            public void close(short code, String reason) {
                if (!socket.isClosed()) {
                    socket.close(code, reason);
                }
            }
        };
        ComputeAgents.Agent agent = agents.attach(compute, connection, endpoint);
        LOG.info("Agent of compute {} (fleet {}) connected", compute.computeName(), compute.fleetId());
        socket.textMessageHandler(frame -> vertx.executeBlocking(() -> actions.handle(agent, frame), true)
                .onSuccess(reply -> {
                    if (reply != null) {
                        connection.send(reply);
                    }
                }));
        socket.closeHandler(v -> {
            closed.run();
            agents.detach(agent);
            LOG.info("Agent of compute {} (fleet {}) disconnected", compute.computeName(), compute.fleetId());
        });
        socket.exceptionHandler(e -> LOG.debug("Agent of compute {}: websocket error {}", compute.computeName(),
                e.toString()));
    }
}
