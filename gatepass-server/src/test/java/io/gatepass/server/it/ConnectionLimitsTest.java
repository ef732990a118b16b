package io.gatepass.server.it;

import io.gatepass.server.config.Limits;
import io.gatepass.server.config.ServerConfig;
import io.gatepass.server.internal.endpoints.agent.AgentTestClient;
import io.gatepass.server.internal.endpoints.agent.AgentWebSocketRoute;
import io.gatepass.server.internal.endpoints.sdk.SdkTestClient;
import io.gatepass.server.internal.endpoints.sdk.SdkWebSocketRoute;
import io.gatepass.server.testing.TestServer;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.gamelift.GameLiftClient;
import software.amazon.awssdk.services.gamelift.model.ComputeType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slow and idle connections are closed (header read, body read and idle timeouts), and connections beyond the caps are
 * refused while {@code /health} still answers. Raw sockets, as a hostile client would use them.
 */
class ConnectionLimitsTest {
    /** How long a test waits for the server to act; far beyond the short timeouts configured here. */
    private static final int PATIENCE_MILLIS = 15_000;
    private static final int PER_CLIENT = 4;
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(2);
    /** Short header and body read timeouts; an idle timeout beyond the tests' patience, so that it cannot stand in. */
    static TestServer slow;
    /** A short idle timeout; the other timeouts are the defaults. */
    static TestServer idle;
    static TestServer capped;

    @BeforeAll
    static void start(@TempDir Path slowDir, @TempDir Path idleDir, @TempDir Path cappedDir) {
        slow = TestServer.start(TestServer.config(null, slowDir, ServerConfig.DEFAULT_MAX_BODY_BYTES)
                .withLimits(Limits.DEFAULTS.withHeaderReadTimeout(Duration.ofSeconds(1))
                        .withBodyReadTimeout(Duration.ofSeconds(1)).withIdleTimeout(Duration.ofMinutes(10))));
        idle = TestServer.start(TestServer.config(null, idleDir, ServerConfig.DEFAULT_MAX_BODY_BYTES)
                .withLimits(Limits.DEFAULTS.withIdleTimeout(IDLE_TIMEOUT)));
        capped = TestServer.start(TestServer.config(null, cappedDir, ServerConfig.DEFAULT_MAX_BODY_BYTES)
                .withLimits(Limits.DEFAULTS.withConnections(1000, PER_CLIENT)));
    }

    @AfterAll
    static void stop() {
        slow.close();
        idle.close();
        capped.close();
    }

    @Test
    void connection_thatSendsNothing_isClosedAfterTheHeaderReadTimeout() throws Exception {
        try (Socket socket = connect(slow)) {
            assertThat(readToEnd(socket.getInputStream())).isEmpty();
        }
    }

    @Test
    void connection_thatSendsHalfARequestHead_isClosed() throws Exception {
        try (Socket socket = connect(slow)) {
            send(socket, "POST / HTTP/1.1\r\nHost: localhost\r\nX-Amz-Date: 2026");
            assertThat(readToEnd(socket.getInputStream())).isEmpty();
        }
    }

    @Test
    void connection_thatSendsHalfABody_gets408InTheProtocolShapeAndIsClosed() throws Exception {
        try (Socket socket = connect(slow)) {
            send(socket, "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-amz-json-1.1\r\n"
                    + "X-Amz-Target: GameLift.ListFleets\r\nContent-Length: 100\r\n\r\n{\"Limit\":");
            String answer = readToEnd(socket.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 408").contains("RequestTimeout");
        }
    }

    @Test
    void connection_idleAfterAResponse_isClosed() throws Exception {
        try (Socket socket = connect(idle)) {
            send(socket, "GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertThat(readToEnd(socket.getInputStream())).startsWith("HTTP/1.1 200");
        }
    }

    /** A game server process's websocket that sends nothing after its handshake is closed by the idle timeout. */
    @Test
    void sdkWebSocket_thatSendsNothing_isClosedAfterTheIdleTimeout() throws Exception {
        RegisteredCompute compute = RegisteredCompute.on(idle);
        String query = SdkTestClient.query(
                SdkTestClient.tokenParameters("process-idle", compute.fleetId(), "rack-1", compute.token()));
        try (Socket socket = connect(idle)) {
            long started = System.nanoTime();
            send(socket, "GET " + SdkWebSocketRoute.PATH + "/?" + query + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n");
            assertThat(readToEnd(socket.getInputStream())).startsWith("HTTP/1.1 101");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(IDLE_TIMEOUT);
        }
    }

    /**
     * A package upload whose body stops is closed by the idle timeout (uploads, which may be gigabytes, have no body
     * read timeout); nothing is published.
     */
    @Test
    void packageUpload_whoseBodyStops_isClosedAfterTheIdleTimeout() throws Exception {
        String token;
        try (CodeartifactClient codeArtifact = idle.codeArtifact(TestServer.admin())) {
            codeArtifact.createDomain(r -> r.domain("idle"));
            codeArtifact.createRepository(r -> r.domain("idle").repository("libs"));
            token = codeArtifact.getAuthorizationToken(r -> r.domain("idle").domainOwner(TestServer.ACCOUNT))
                    .authorizationToken();
        }
        String authorization = Base64.getEncoder().encodeToString(("aws:" + token).getBytes(StandardCharsets.UTF_8));
        try (Socket socket = connect(idle)) {
            long started = System.nanoTime();
            send(socket, "PUT /codeartifact/idle-" + TestServer.ACCOUNT + "/npm/libs/stalled HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\nAuthorization: Basic " + authorization + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"name\":\"stalled\",");
            assertThat(readToEnd(socket.getInputStream())).as("no answer before the close").isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(IDLE_TIMEOUT);
        }
        try (CodeartifactClient codeArtifact = idle.codeArtifact(TestServer.admin())) {
            assertThat(codeArtifact.listPackages(r -> r.domain("idle").repository("libs")).packages()).isEmpty();
        }
    }

    @Test
    void connections_beyondThePerClientCap_areRefusedButHealthStillAnswers() throws Exception {
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < PER_CLIENT; i++) {
                Socket socket = connect(capped);
                held.add(socket);
                send(socket, "GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n");
                assertThat(readHead(socket.getInputStream())).startsWith("HTTP/1.1 200");
            }
            try (Socket extra = connect(capped)) {
                send(extra, "GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n");
                assertThat(readHead(extra.getInputStream())).startsWith("HTTP/1.1 200");
            }
            try (Socket extra = connect(capped)) {
                send(extra, "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                        + "Content-Length: 43\r\n\r\nAction=GetCallerIdentity&Version=2011-06-15");
                String answer = readToEnd(extra.getInputStream());
                assertThat(answer).startsWith("HTTP/1.1 503").contains("<Code>ServiceUnavailable</Code>");
            }
            try (Socket extra = connect(capped)) { // the JSON protocols spell it as a store outage does
                send(extra, "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-amz-json-1.1\r\n"
                        + "X-Amz-Target: GameLift.ListFleets\r\nContent-Length: 2\r\n\r\n{}");
                String answer = readToEnd(extra.getInputStream());
                assertThat(answer).startsWith("HTTP/1.1 503").contains("ServiceUnavailableException");
            }
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    /**
     * A websocket (the SDK's, the agent's) holds its connection's place under the caps only while it is open: game
     * server processes that come and go from one compute never lock that compute out (Vert.x hands an upgraded
     * connection to the websocket and no longer reports the HTTP connection's close).
     */
    @Test
    void websockets_thatClosed_noLongerCountAgainstThePerClientCap(@TempDir Path dir) {
        try (TestServer server = TestServer.start(TestServer.config(null, dir, ServerConfig.DEFAULT_MAX_BODY_BYTES)
                .withLimits(Limits.DEFAULTS.withConnections(1000, PER_CLIENT)))) {
            RegisteredCompute compute = RegisteredCompute.on(server);
            String fleetId = compute.fleetId();
            String token = compute.token();
            String base = "ws://127.0.0.1:" + server.endpoint().getPort();
            Vertx vertx = Vertx.vertx();
            try {
                for (int i = 0; i < 3 * PER_CLIENT; i++) { // one at a time, each closed before the next opens
                    String processId = "process-" + i;
                    try (SdkTestClient process = onceAdmitted("SDK connection " + i, () -> SdkTestClient.connect(
                            vertx, base + SdkWebSocketRoute.PATH,
                            SdkTestClient.tokenParameters(processId, fleetId, "rack-1", token)))) {
                        assertThat(process.request("HeartbeatServerProcess", Map.of("HealthStatus", true))
                                .path("StatusCode").asInt()).isEqualTo(200);
                    }
                    assertThat(onceAdmitted("agent handshake " + i, () -> refusedUnder503(AgentTestClient
                            .handshakeStatus(base + AgentWebSocketRoute.PATH, fleetId, "rack-1", token, null))))
                            .as("agent handshake %d", i).isEqualTo(101);
                }
            } finally {
                vertx.close().await();
            }
        }
    }

    /** An Anywhere fleet on a custom location with one registered compute, {@code rack-1}, and its auth token. */
    private record RegisteredCompute(String fleetId, String token) {
        static RegisteredCompute on(TestServer server) {
            try (GameLiftClient gameLift = server.gameLift(TestServer.admin())) {
                gameLift.createLocation(r -> r.locationName("custom-rack"));
                String fleetId = gameLift.createFleet(r -> r.name("rack").computeType(ComputeType.ANYWHERE)
                        .locations(l -> l.location("custom-rack"))).fleetAttributes().fleetId();
                gameLift.registerCompute(r -> r.fleetId(fleetId).computeName("rack-1").ipAddress("10.0.0.7")
                        .location("custom-rack"));
                return new RegisteredCompute(fleetId,
                        gameLift.getComputeAuthToken(r -> r.fleetId(fleetId).computeName("rack-1")).authToken());
            }
        }
    }

    /**
     * Opens a websocket, again while the server refuses it for the cap: the server frees a closed websocket's place
     * when it sees the close, a moment after the client closed it, so the next open may come first. Places that are
     * never freed keep it refused, and the test fails when {@link #PATIENCE_MILLIS} have passed.
     */
    private static <T> T onceAdmitted(String what, Supplier<T> open) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PATIENCE_MILLIS);
        while (true) {
            try {
                return open.get();
            } catch (RuntimeException refused) { // a 503, or the connection closed at once (beyond the cap)
                if (System.nanoTime() - deadline > 0) {
                    throw new AssertionError(what + " still refused after " + PATIENCE_MILLIS + " ms", refused);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10)); // spares the loaded machine, no more
            }
        }
    }

    /** A handshake's status, a 503 (beyond the cap) as an exception for {@link #onceAdmitted}. */
    private static int refusedUnder503(int status) {
        if (status == 503) {
            throw new IllegalStateException("handshake refused with HTTP 503");
        }
        return status;
    }

    /** A raw socket to {@code server} whose reads fail the test after {@link #PATIENCE_MILLIS} (also BodyReadTest). */
    static Socket connect(TestServer server) throws IOException {
        Socket socket = new Socket("127.0.0.1", server.endpoint().getPort());
        socket.setSoTimeout(PATIENCE_MILLIS); // a read that times out fails the test: the server must act first
        return socket;
    }

    static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    static String readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            answer.write(buffer, 0, n);
        }
        return answer.toString(StandardCharsets.UTF_8);
    }

    /** The response up to the end of its body (a /health answer is small: one read after the head suffices). */
    private static String readHead(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        int n = in.read(buffer);
        return n < 0 ? "" : new String(buffer, 0, n, StandardCharsets.UTF_8);
    }
}
