package io.gatepass.server.internal.endpoints.agent;

import io.gatepass.core.gamelift.RuntimeConfiguration;
import io.gatepass.server.internal.endpoints.sdk.FleetRoleCredentials;
import io.gatepass.server.internal.endpoints.sdk.SdkMessages;
import io.gatepass.server.internal.endpoints.sdk.ServerProcessRegistry;
import io.gatepass.server.internal.gamelift.RuntimeConfigurations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The requests an agent sends, each answered with one frame that echoes Action and RequestId and carries StatusCode:
 * DescribeRuntimeConfiguration (read from the store each time, so a change reaches the agent at its next call),
 * SendHeartbeat (the compute's status, and which of the reported processes are unhealthy or never registered over
 * the SDK websocket: the agent kills those), NotifyServerProcessTermination and GetFleetRoleCredentials. Blocking;
 * run it off the event loop.
 */
public final class AgentActions {
    private static final Logger LOG = LoggerFactory.getLogger(AgentActions.class);
    private static final Set<String> STATUSES = Set.of("Initializing", "Activating", "Active", "Terminating",
            "Terminated", "Interrupted");

    private final ComputeAgents agents;
    private final ServerProcessRegistry processes;
    private final RuntimeConfigurations configurations;
    private final BiFunction<String, String, Optional<String>> instanceRoleArn;
    private final FleetRoleCredentials roleCredentials;
    private final SdkMessages messages = new SdkMessages();

    /**
     * @param instanceRoleArn the fleet's InstanceRoleArn by account and fleet id, if it has one
     */
    public AgentActions(ComputeAgents agents, ServerProcessRegistry processes, RuntimeConfigurations configurations,
                        BiFunction<String, String, Optional<String>> instanceRoleArn,
                        FleetRoleCredentials roleCredentials) {
        this.agents = agents;
        this.processes = processes;
        this.configurations = configurations;
        this.instanceRoleArn = instanceRoleArn;
        this.roleCredentials = roleCredentials;
    }

    record SendHeartbeat(String status, List<String> processList, Long heartbeatTimeMillis) {
    }

    record NotifyServerProcessTermination(String processId, String eventCode, String terminationReason) {
    }

    record GetFleetRoleCredentials(String roleSessionName) {
    }

    private record Reply(int statusCode, String errorMessage, Object payload) {
        static Reply ok(Object payload) {
            return new Reply(200, "", payload);
        }

        static Reply badRequest(String message) {
            return new Reply(400, message, null);
        }
    }

    /** Handles one text frame; returns the reply frame, or null for a frame that is not a request. */
    public String handle(ComputeAgents.Agent agent, String frame) {
        SdkMessages.Request request;
        try {
            request = messages.decode(frame);
        } catch (SdkMessages.MalformedFrame e) {
            LOG.info("Agent of compute {}: ignored a frame that is {}", agent.compute.computeName(), e.getMessage());
            return null;
        }
        Reply reply;
        try {
            reply = dispatch(agent, request);
        } catch (IllegalArgumentException e) {
            reply = Reply.badRequest(e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Agent of compute {}: {} failed", agent.compute.computeName(), request.action(), e);
            reply = new Reply(500, "Internal service error", null);
        }
        return messages.reply(request.action(), request.requestId(), reply.statusCode(), reply.errorMessage(),
                reply.payload());
    }

    private Reply dispatch(ComputeAgents.Agent agent, SdkMessages.Request request) {
        return switch (request.action()) {
            case "SendHeartbeat" -> heartbeat(agent, messages.bind(request, SendHeartbeat.class));
            case "DescribeRuntimeConfiguration" -> runtimeConfiguration(agent);
            case "NotifyServerProcessTermination" -> termination(agent,
                    messages.bind(request, NotifyServerProcessTermination.class));
            case "GetFleetRoleCredentials" -> fleetRoleCredentials(agent,
                    messages.bind(request, GetFleetRoleCredentials.class));
            default -> Reply.badRequest("Unknown action: " + request.action());
        };
    }

    /**
     * The compute's status as the service sees it: Terminating once the compute is to go; Initializing back to an
     * Initializing agent (which lets it start processes); Active once one of its processes called ProcessReady;
     * otherwise what the agent reported.
     */
    private Reply heartbeat(ComputeAgents.Agent agent, SendHeartbeat members) {
        String reported = members.status();
        if (reported == null || !STATUSES.contains(reported)) {
            throw new IllegalArgumentException("Status must be one of " + STATUSES + ".");
        }
        agents.reported(agent, reported);
        Map<String, Boolean> registered = processes.registeredOn(agent.compute.fleetId(),
                agent.compute.computeName());
        List<String> unhealthy = new ArrayList<>();
        List<String> unregistered = new ArrayList<>();
        for (String processId : members.processList() == null ? List.<String>of() : members.processList()) {
            Boolean healthy = registered.get(processId);
            if (healthy == null) {
                unregistered.add(processId);
            } else if (!healthy) {
                unhealthy.add(processId);
            }
        }
        String status;
        if (agents.terminating(agent)) {
            status = reported.equals("Terminated") ? "Terminated" : "Terminating";
        } else if (reported.equals("Activating") && !registered.isEmpty()) {
            status = "Active";
        } else {
            status = reported;
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("Status", status);
        payload.put("UnhealthyProcesses", unhealthy);
        payload.put("UnregisteredProcesses", unregistered);
        return Reply.ok(payload);
    }

    private Reply runtimeConfiguration(ComputeAgents.Agent agent) {
        RuntimeConfiguration configuration = configurations.of(agent.compute.fleetId());
        Map<String, Object> payload = new LinkedHashMap<>();
        List<Map<String, Object>> serverProcesses = new ArrayList<>();
        for (RuntimeConfiguration.ServerProcess process : configuration.processes()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("LaunchPath", process.launchPath());
            if (process.parameters() != null) {
                one.put("Parameters", process.parameters());
            }
            one.put("ConcurrentExecutions", process.concurrentExecutions());
            serverProcesses.add(one);
        }
        payload.put("ServerProcesses", serverProcesses);
        if (configuration.gameSessionActivationTimeoutSeconds() != null) {
            payload.put("GameSessionActivationTimeoutSeconds", configuration.gameSessionActivationTimeoutSeconds());
        }
        if (configuration.maxConcurrentGameSessionActivations() != null) {
            payload.put("MaxConcurrentGameSessionActivations", configuration.maxConcurrentGameSessionActivations());
        }
        return Reply.ok(payload);
    }

    private Reply termination(ComputeAgents.Agent agent, NotifyServerProcessTermination members) {
        if (members.processId() == null || members.processId().isEmpty()) {
            throw new IllegalArgumentException("ProcessId is required.");
        }
        boolean live = processes.exited(agent.compute.fleetId(), agent.compute.computeName(), members.processId());
        LOG.info("Agent of compute {} (fleet {}): process {} terminated ({}, {}){}", agent.compute.computeName(),
                agent.compute.fleetId(), members.processId(), members.terminationReason(), members.eventCode(),
                live ? "" : "; it had already ended or never registered");
        return Reply.ok(null);
    }

    private Reply fleetRoleCredentials(ComputeAgents.Agent agent, GetFleetRoleCredentials members) {
        String sessionName = members.roleSessionName() == null || members.roleSessionName().isEmpty()
                ? agent.compute.fleetId() + "-" + agent.compute.computeName().replace('/', '-')
                : members.roleSessionName();
        Optional<FleetRoleCredentials.Credentials> credentials = instanceRoleArn
                .apply(agent.compute.accountId(), agent.compute.fleetId())
                .flatMap(role -> roleCredentials.issue(agent.compute, role, sessionName));
        if (credentials.isEmpty()) {
            return new Reply(404, "Fleet " + agent.compute.fleetId() + " has no InstanceRoleArn that may be assumed.",
                    null);
        }
        FleetRoleCredentials.Credentials c = credentials.get();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("AssumedRoleUserArn", c.assumedRoleUserArn());
        payload.put("AssumedRoleId", c.assumedRoleId());
        payload.put("AccessKeyId", c.accessKeyId());
        payload.put("SecretAccessKey", c.secretAccessKey());
        payload.put("SessionToken", c.sessionToken());
        payload.put("Expiration", c.expiration().toEpochMilli());
        return Reply.ok(payload);
    }
}
