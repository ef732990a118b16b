package io.gatepass.server.internal.endpoints.sdk;

import io.gatepass.core.error.ServiceException;
import io.gatepass.server.internal.gamelift.GameSessionEvents;
import io.gatepass.server.internal.gamelift.GameSessionEvents.PlayerSessionPage;
import io.gatepass.server.internal.gamelift.GameSessionEvents.PlayerSessionQuery;
import io.gatepass.server.internal.gamelift.PlayerSessionView;
import io.gatepass.server.internal.gamelift.ServerProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The requests a game server sends over the websocket, each answered with one reply frame: the SDK's ProcessReady,
 * heartbeats, ProcessEnding, its game and player session calls (handed to {@link GameSessionEvents}), and the
 * certificate and fleet role credentials. Blocking; run it off the event loop, one frame of a connection at a time.
 */
public final class SdkActions {
    private static final Logger LOG = LoggerFactory.getLogger(SdkActions.class);
    static final int BAD_REQUEST = 400;

    private final ServerProcessRegistry registry;
    private final Supplier<GameSessionEvents> events;
    private final Supplier<String> certificatePath;
    private final FleetRoleCredentials roleCredentials;
    private final SdkMessages messages = new SdkMessages();

    /**
     * @param certificatePath the TLS certificate's path as the compute sees it (GetComputeCertificate), or null
     */
    public SdkActions(ServerProcessRegistry registry, Supplier<GameSessionEvents> events,
                      Supplier<String> certificatePath, FleetRoleCredentials roleCredentials) {
        this.registry = registry;
        this.events = events;
        this.certificatePath = certificatePath;
        this.roleCredentials = roleCredentials;
    }

    record ActivateServerProcess(String sdkVersion, String sdkLanguage, String sdkToolName, String sdkToolVersion,
                                 Integer port, List<String> logPaths) {
    }

    record Heartbeat(Boolean healthStatus) {
    }

    record GameSessionMember(String gameSessionId) {
    }

    record PlayerSessionMembers(String gameSessionId, String playerSessionId) {
    }

    record DescribePlayerSessions(String gameSessionId, String playerId, String playerSessionId,
                                  String playerSessionStatusFilter, String nextToken, Integer limit) {
    }

    record CreationPolicy(String gameSessionId, String playerSessionPolicy) {
    }

    record RoleMembers(String roleArn, String roleSessionName) {
    }

    /** A reply's status, message and payload (null: none). */
    record Reply(int statusCode, String errorMessage, Object payload) {
        static Reply ok(Object payload) {
            return new Reply(200, "", payload);
        }

        static Reply badRequest(String message) {
            return new Reply(BAD_REQUEST, message, null);
        }
    }

    /** Handles one text frame; returns the reply frame, or null when nothing is answered (not a request). */
    public String handle(ServerProcessRegistry.Process process, String frame) {
        SdkMessages.Request request;
        try {
            request = messages.decode(frame);
        } catch (SdkMessages.MalformedFrame e) {
            LOG.info("SDK process {}: ignored a frame that is {}", process.processId, e.getMessage());
            return null;
        }
        Reply reply;
        try {
            reply = dispatch(process, request);
        } catch (ServiceException e) {
            reply = new Reply(statusOf(e), e.getMessage(), null);
        } catch (IllegalArgumentException | IllegalStateException e) {
            reply = Reply.badRequest(e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("SDK process {}: {} failed", process.processId, request.action(),
                    io.gatepass.server.internal.ops.LoggedFailure.of(e));
            reply = new Reply(500, "Internal service error", null);
        }
        return messages.reply(request.action(), request.requestId(), reply.statusCode(), reply.errorMessage(),
                reply.payload());
    }

    private Reply dispatch(ServerProcessRegistry.Process process, SdkMessages.Request request) {
        return switch (request.action()) {
            case "ActivateServerProcess" -> activate(process, messages.bind(request, ActivateServerProcess.class));
            case "HeartbeatServerProcess" -> {
                Boolean healthy = messages.bind(request, Heartbeat.class).healthStatus();
                registry.heartbeat(process, healthy == null || healthy);
                yield Reply.ok(null);
            }
            case "TerminateServerProcess" -> {
                registry.ending(process);
                yield Reply.ok(null);
            }
            case "ActivateGameSession" -> {
                String id = required("GameSessionId",
                        messages.bind(request, GameSessionMember.class).gameSessionId());
                ServerProcess view = active(process);
                events.get().activateGameSession(view, id);
                registry.gameSessionActivated(view, id);
                yield Reply.ok(null);
            }
            case "AcceptPlayerSession", "RemovePlayerSession" -> {
                PlayerSessionMembers members = messages.bind(request, PlayerSessionMembers.class);
                String gameSessionId = required("GameSessionId", members.gameSessionId());
                String playerSessionId = required("PlayerSessionId", members.playerSessionId());
                if (request.action().equals("AcceptPlayerSession")) {
                    events.get().acceptPlayerSession(active(process), gameSessionId, playerSessionId);
                } else {
                    events.get().removePlayerSession(active(process), gameSessionId, playerSessionId);
                }
                yield Reply.ok(null);
            }
            case "DescribePlayerSessions" -> describe(process, messages.bind(request, DescribePlayerSessions.class));
            case "UpdatePlayerSessionCreationPolicy" -> {
                CreationPolicy members = messages.bind(request, CreationPolicy.class);
                String policy = required("PlayerSessionPolicy", members.playerSessionPolicy());
                if (!policy.equals("ACCEPT_ALL") && !policy.equals("DENY_ALL")) {
                    yield Reply.badRequest("PlayerSessionPolicy must be ACCEPT_ALL or DENY_ALL.");
                }
                events.get().updatePlayerSessionCreationPolicy(active(process),
                        required("GameSessionId", members.gameSessionId()), policy);
                yield Reply.ok(null);
            }
            case "GetComputeCertificate" -> {
                Map<String, Object> payload = new LinkedHashMap<>();
                String path = certificatePath.get();
                payload.put("CertificatePath", path == null ? "" : path);
                payload.put("ComputeName", process.compute.computeName());
                yield Reply.ok(payload);
            }
            case "GetFleetRoleCredentials" -> fleetRoleCredentials(process,
                    messages.bind(request, RoleMembers.class));
            case "StartMatchBackfill", "StopMatchBackfill" -> Reply.badRequest(
                    "Gatepass has no matchmaking (FlexMatch): " + request.action() + " is not available.");
            default -> Reply.badRequest("Unknown action: " + request.action());
        };
    }

    private Reply activate(ServerProcessRegistry.Process process, ActivateServerProcess members) {
        int port = members.port() == null ? 0 : members.port();
        if (port < 0 || port > 65535) {
            return Reply.badRequest("Port must be from 0 to 65535.");
        }
        ServerProcess view = registry.activate(process, members.sdkVersion(), members.sdkLanguage(), port,
                members.logPaths() == null ? List.of() : members.logPaths());
        LOG.info("SDK process {} (fleet {}, compute {}) is ready on port {} (SDK {} {})", view.processId(),
                view.fleetId(), view.computeName(), port, members.sdkLanguage(), members.sdkVersion());
        return Reply.ok(null);
    }

    private Reply describe(ServerProcessRegistry.Process process, DescribePlayerSessions members) {
        if (members.gameSessionId() == null && members.playerId() == null && members.playerSessionId() == null) {
            return Reply.badRequest("DescribePlayerSessions needs a GameSessionId, PlayerId or PlayerSessionId.");
        }
        if (members.limit() != null && (members.limit() < 1 || members.limit() > 1024)) {
            return Reply.badRequest("Limit must be from 1 to 1024.");
        }
        PlayerSessionPage page = events.get().describePlayerSessions(active(process), new PlayerSessionQuery(
                members.gameSessionId(), members.playerId(), members.playerSessionId(),
                members.playerSessionStatusFilter(), members.limit(), members.nextToken()));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("PlayerSessions", page.playerSessions().stream().map(SdkActions::playerSession).toList());
        payload.put("NextToken", page.nextToken() == null ? "" : page.nextToken());
        return Reply.ok(payload);
    }

    private static Map<String, Object> playerSession(PlayerSessionView view) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("PlayerSessionId", view.playerSessionId());
        out.put("PlayerId", view.playerId());
        out.put("GameSessionId", view.gameSessionId());
        out.put("FleetId", view.fleetId());
        out.put("FleetArn", view.fleetArn());
        out.put("CreationTime", view.creationTime() == null ? 0 : view.creationTime().toEpochMilli());
        if (view.terminationTime() != null) {
            // left out while the session lives: the SDKs then report -1 ("not set"), where 0 would read as 1970
            out.put("TerminationTime", view.terminationTime().toEpochMilli());
        }
        out.put("Status", view.status());
        out.put("IpAddress", view.ipAddress() == null ? "" : view.ipAddress());
        out.put("DnsName", view.dnsName() == null ? "" : view.dnsName());
        out.put("Port", view.port());
        out.put("PlayerData", view.playerData() == null ? "" : view.playerData());
        return out;
    }

    private Reply fleetRoleCredentials(ServerProcessRegistry.Process process, RoleMembers members) {
        String roleArn = required("RoleArn", members.roleArn());
        String sessionName = members.roleSessionName() == null || members.roleSessionName().isEmpty()
                ? process.compute.fleetId() + "-" + process.compute.computeName().replace('/', '-')
                : members.roleSessionName();
        Map<String, Object> payload = new LinkedHashMap<>();
        roleCredentials.issue(process.compute, roleArn, sessionName).ifPresent(c -> {
            payload.put("AssumedRoleUserArn", c.assumedRoleUserArn());
            payload.put("AssumedRoleId", c.assumedRoleId());
            payload.put("AccessKeyId", c.accessKeyId());
            payload.put("SecretAccessKey", c.secretAccessKey());
            payload.put("SessionToken", c.sessionToken());
            payload.put("Expiration", c.expiration().toEpochMilli());
        });
        return Reply.ok(payload);
    }

    private ServerProcess active(ServerProcessRegistry.Process process) {
        ServerProcess view = registry.activated(process);
        if (view == null) {
            throw new IllegalStateException("Call ProcessReady (ActivateServerProcess) first.");
        }
        return view;
    }

    private static String required(String member, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(member + " is required.");
        }
        return value;
    }

    /** The reply status for an error of the game sessions: what the SDKs map to their error types. */
    static int statusOf(ServiceException e) {
        return switch (e.code()) {
            case "NotFoundException", "NotFound" -> 404;
            case "ConflictException" -> 409;
            case "UnauthorizedException" -> 401;
            case "AccessDeniedException", "AccessDenied" -> 403;
            case "LimitExceededException", "ThrottlingException", "Throttling" -> 429;
            default -> e.httpStatus() >= 500 ? 500 : BAD_REQUEST;
        };
    }
}
