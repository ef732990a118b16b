package io.gatepass.server.internal.endpoints.sdk;

import io.gatepass.server.internal.audit.AuditLog;
import io.gatepass.server.internal.http.WebSocketRoute;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The Vert.x side of {@code /gamelift/sdk} (and {@code /gamelift/sdk/}, as the C++ SDK asks for it): the handshake
 * runs on a worker (it reads the store) while the request is paused; a refusal is an HTTP status and nothing else,
 * logged with its reason, fleet, compute and pID and counted; an accepted upgrade is attached to the process
 * registry, and each text frame is handled on a worker, in order, and answered on the same connection.
 */
public final class SdkWebSocketRoute implements WebSocketRoute {
    private static final Logger LOG = LoggerFactory.getLogger(SdkWebSocketRoute.class);
    public static final String PATH = "/gamelift/sdk";
    /** The audit log's name for connecting to the SDK websocket (not an IAM action). */
    public static final String AUDIT_ACTION = "gamelift-sdk:Connect";
    /** Control characters, replaced in log values (compiled once: every connection logs its pID). */
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private final Vertx vertx;
    private final SdkHandshake handshake;
    private final ServerProcessRegistry registry;
    private final SdkActions actions;
    private final HandshakeRefusals refusals;

    /** @param refusals counts each refusal (for /metrics) */
    public SdkWebSocketRoute(Vertx vertx, SdkHandshake handshake, ServerProcessRegistry registry, SdkActions actions,
                             Consumer<Refusal> refusals) {
        this(vertx, handshake, registry, actions, refusals, AuditLog.OFF, Clock.systemUTC());
    }

    /** @param audit where each refusal is recorded (kind refusal, action {@value #AUDIT_ACTION}) */
    public SdkWebSocketRoute(Vertx vertx, SdkHandshake handshake, ServerProcessRegistry registry, SdkActions actions,
                             Consumer<Refusal> refusals, AuditLog audit, Clock clock) {
        this.vertx = vertx;
        this.handshake = handshake;
        this.registry = registry;
        this.actions = actions;
        this.refusals = new HandshakeRefusals("SDK websocket", AUDIT_ACTION, refusals, audit, clock);
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
                    .end("The GameLift server SDK endpoint speaks websocket only.\n");
            return;
        }
        Map<String, String> query = handshakeQuery(request);
        if (query == null) {
            refuse(request, Map.of(), Refusal.MALFORMED_QUERY);
            return;
        }
        request.pause();
        vertx.executeBlocking(() -> handshake.check(query), false).onComplete(done -> {
            if (done.failed()) {
                LOG.error("SDK websocket handshake failed (fleet {}, compute {}, pID {})", loggable(query, "FleetId"),
                        loggable(query, "ComputeId"), loggable(query, "pID"),
                        io.gatepass.server.internal.ops.LoggedFailure.of(done.cause()));
                // 503 while the store is unreachable (the SDK and the agent retry), else 500
                request.response().setStatusCode(done.cause() instanceof io.gatepass.store.StoreUnavailableException
                        ? 503 : 500).end();
                return;
            }
            SdkHandshake.Outcome outcome = done.result();
            if (outcome.accepted() && registry.conflicts(query.get("pID"), outcome.compute())) {
                outcome = SdkHandshake.Outcome.refused(Refusal.PROCESS_ID_IN_USE);
            }
            if (!outcome.accepted()) {
                refuse(request, query, outcome.refusal());
                return;
            }
            ConnectedCompute compute = outcome.compute();
            String endpoint = request.authority() == null ? null
                    : (request.isSSL() ? "wss://" : "ws://") + request.authority() + PATH;
            request.toWebSocket()
                    .onSuccess(socket -> bind(socket, query.get("pID"), compute, endpoint, closed))
                    .onFailure(e -> LOG.info("SDK websocket upgrade failed (fleet {}, compute {}, pID {}): {}",
                            compute.fleetId(), compute.computeName(), loggable(query, "pID"), e.toString()));
        });
    }

    private void refuse(HttpServerRequest request, Map<String, String> query, Refusal refusal) {
        refusals.refuse(request, query, refusal, "fleet " + loggable(query, "FleetId") + ", compute "
                + loggable(query, "ComputeId") + ", pID " + loggable(query, "pID"));
    }

    /**
     * The handshake's query parameters (the first of a repeated name), or null if a percent-escape in it is malformed:
     * for both compute websockets (SDK and agent), which refuse that as {@link Refusal#MALFORMED_QUERY}.
     */
    public static Map<String, String> handshakeQuery(HttpServerRequest request) {
        Map<String, String> query = new HashMap<>();
        try {
            request.params().forEach(entry -> query.putIfAbsent(entry.getKey(), entry.getValue()));
        } catch (IllegalArgumentException malformedEscape) {
            return null;
        }
        return query;
    }

    /**
     * @param endpoint where RefreshConnection sends the process: the URL it reached us at; null if unknown
     * @param closed   run when the socket closes (see {@link WebSocketRoute#handle})
     */
    private void bind(ServerWebSocket socket, String processId, ConnectedCompute compute, String endpoint,
                      Runnable closed) {
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
        Optional<ServerProcessRegistry.Process> attached = registry.attach(processId, compute, connection, endpoint);
        if (attached.isEmpty()) {
            socket.closeHandler(v -> closed.run());
            refusals.countAfterUpgrade(Refusal.PROCESS_ID_IN_USE);
            socket.close((short) 1008, "process id in use");
            return;
        }
        ServerProcessRegistry.Process process = attached.get();
        LOG.info("SDK process {} connected (fleet {}, compute {})", loggable(Map.of("p", processId), "p"),
                compute.fleetId(), compute.computeName());
        socket.textMessageHandler(frame -> vertx.executeBlocking(() -> actions.handle(process, frame), true)
                .onSuccess(reply -> {
                    if (reply != null) {
                        connection.send(reply);
                    }
                }));
        socket.closeHandler(v -> {
            try {
                closed.run(); // first: whatever happens below, the connection's place under the caps is freed
            } finally {
                registry.detach(process, connection);
            }
        });
        socket.exceptionHandler(e -> LOG.debug("SDK process {}: websocket error {}", process.processId,
                e.toString()));
    }

    /** A query value fit for a log line: at most 128 characters, no control characters. */
    public static String loggable(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null) {
            return "-";
        }
        String cut = value.length() > 128 ? value.substring(0, 128) + "..." : value;
        return CONTROL.matcher(cut).replaceAll("?");
    }
}
