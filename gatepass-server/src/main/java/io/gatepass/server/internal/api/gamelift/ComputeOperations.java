package io.gatepass.server.internal.api.gamelift;

import io.gatepass.core.gamelift.Compute;
import io.gatepass.core.gamelift.Fleet;
import io.gatepass.core.gamelift.FleetLocation;
import io.gatepass.core.token.ComputeAuthTokens;
import io.gatepass.core.token.ComputeRegistrations.Registration;
import io.gatepass.core.token.TokenAuthority;
import io.gatepass.server.internal.api.CallContext;
import io.gatepass.server.internal.api.Empty;
import io.gatepass.server.internal.api.Paging;
import io.gatepass.server.internal.api.gamelift.GameLiftShapes.ComputeInput;
import io.gatepass.server.internal.api.gamelift.GameLiftShapes.ComputeOutput;
import io.gatepass.server.internal.api.gamelift.GameLiftShapes.GetComputeAuthTokenOutput;
import io.gatepass.server.internal.api.gamelift.GameLiftShapes.ListComputeInput;
import io.gatepass.server.internal.api.gamelift.GameLiftShapes.ListComputeOutput;
import io.gatepass.server.internal.api.gamelift.GameLiftShapes.RegisterComputeInput;
import io.gatepass.server.internal.gamelift.ServerProcesses;
import io.gatepass.store.DuplicateEntityException;
import io.gatepass.store.ReferenceViolationException;
import io.gatepass.store.Store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * RegisterCompute, DeregisterCompute, DescribeCompute, ListCompute and GetComputeAuthToken for Anywhere fleets.
 * Each registration gets its own id, which every compute auth token is bound to: deregistering (or deleting the
 * fleet) removes it, so its tokens stop validating at once, also for a later compute of the same name.
 */
final class ComputeOperations {
    private static final Pattern DNS_NAME = Pattern.compile("^[0-9a-zA-Z_\\-\\.]+");
    private static final int LIST_LIMIT = 100;
    private static final int EXPIRY_RACE_RETRIES = 5;

    private final GameLiftSupport support;
    private final Store store;
    private final FleetOperations fleets;
    private final TokenAuthority<Registration, ComputeAuthTokens> tokens;
    private final Supplier<String> websocketBase;
    private final ServerProcesses processes;

    /**
     * @param websocketBase this server's wss:// base URL (ws:// with TLS off) at its advertised host, known once it
     *                      listens
     * @param processes     the game server processes connected over the SDK websocket, whose health the computes'
     *                      status reflects
     */
    ComputeOperations(GameLiftSupport support, Store store, FleetOperations fleets,
                      TokenAuthority<Registration, ComputeAuthTokens> tokens,
                      Supplier<String> websocketBase, ServerProcesses processes) {
        this.support = support;
        this.store = store;
        this.fleets = fleets;
        this.tokens = tokens;
        this.websocketBase = websocketBase;
        this.processes = processes;
    }

    ComputeOutput registerCompute(RegisterComputeInput input, CallContext context) {
        var v = support.validation;
        String computeName = v.requiredString("ComputeName", input.computeName(), 1, 128,
                GameLiftSupport.COMPUTE_NAME);
        String ip = v.optionalString("IpAddress", input.ipAddress(), 1, 128, GameLiftSupport.IP_ADDRESS);
        String dns = v.optionalString("DnsName", input.dnsName(), 1, 256, DNS_NAME);
        v.optionalString("CertificatePath", input.certificatePath(), 1, 1024, null);
        String location = v.optionalString("Location", input.location(), 1, 64, GameLiftSupport.LOCATION);
        Fleet fleet = fleets.find(context, input.fleetId());
        if (ip == null && dns == null) {
            throw GameLiftErrors.INVALID_REQUEST.exception("RegisterCompute needs an IpAddress or a DnsName.");
        }
        if (location == null) {
            throw GameLiftErrors.INVALID_REQUEST.exception(
                    "RegisterCompute needs a Location: one of the custom locations of fleet %s.", fleet.fleetId());
        }
        boolean onFleet = store.fleets().locations(fleet.fleetId()).stream()
                .map(FleetLocation::location).anyMatch(location::equals);
        if (!onFleet) {
            throw GameLiftErrors.INVALID_REQUEST.exception("Location %s is not a location of fleet %s.", location,
                    fleet.fleetId());
        }
        Compute wanted = new Compute(fleet.accountId(), fleet.fleetId(), computeName,
                support.computeArn(fleet.accountId(), computeName), ip, dns, location, Compute.STATUS_ACTIVE,
                support.ids.uuid(), context.now().truncatedTo(ChronoUnit.MILLIS), null);
        for (int attempt = 0; attempt < EXPIRY_RACE_RETRIES; attempt++) {
            var existing = store.computes().find(fleet.fleetId(), computeName);
            if (existing.isPresent()) {
                return new ComputeOutput(shape(fleet, sameRegistration(existing.get(), wanted)));
            }
            try {
                store.computes().register(wanted);
                return new ComputeOutput(shape(fleet, wanted));
            } catch (DuplicateEntityException e) {
                // Registered concurrently by another request: compare with what is there now.
            } catch (ReferenceViolationException e) {
                throw GameLiftSupport.notFound("Fleet %s or its location %s was deleted during the registration.",
                        fleet.fleetId(), location);
            }
        }
        throw GameLiftErrors.INTERNAL_SERVICE.exception("Compute %s is being registered concurrently.", computeName);
    }

    /** Registering again with the same address returns the existing compute; another address is a conflict. */
    private static Compute sameRegistration(Compute existing, Compute wanted) {
        if (Objects.equals(existing.ipAddress(), wanted.ipAddress())
                && Objects.equals(existing.dnsName(), wanted.dnsName())
                && existing.location().equals(wanted.location())) {
            return existing;
        }
        throw GameLiftErrors.CONFLICT.exception("Compute %s is already registered to fleet %s with another address "
                + "or location; deregister it first.", existing.computeName(), existing.fleetId());
    }

    Empty deregisterCompute(ComputeInput input, CallContext context) {
        Registered registered = find(input, context);
        if (!store.computes().deregister(registered.fleet.fleetId(), registered.compute.computeName())) {
            throw computeNotFound(registered.compute.computeName(), registered.fleet.fleetId());
        }
        return Empty.INSTANCE;
    }

    ComputeOutput describeCompute(ComputeInput input, CallContext context) {
        Registered registered = find(input, context);
        return new ComputeOutput(shape(registered.fleet, registered.compute));
    }

    ListComputeOutput listCompute(ListComputeInput input, CallContext context) {
        var v = support.validation;
        String location = v.optionalString("Location", input.location(), 1, 64, GameLiftSupport.LOCATION);
        v.oneOf("ComputeStatus", input.computeStatus(), ListComputeStatus.class);
        int limit = support.positiveLimit(input.limit(), LIST_LIMIT);
        String after = support.after(input.nextToken());
        Fleet fleet = fleets.find(context, input.fleetId());
        if (input.containerGroupDefinitionName() != null) {
            return new ListComputeOutput(java.util.List.of(), null); // Anywhere fleets have no containers.
        }
        Set<String> impaired = processes.impairedComputes(fleet.fleetId());
        Paging.Page<Compute> page = Paging.of(store.computes().list(fleet.fleetId(), location, after, limit + 1),
                limit, Compute::computeName);
        // A status filter applies within the page: a page may then hold fewer than Limit computes.
        return new ListComputeOutput(page.items().stream().map(c -> shape(fleet, c, impaired))
                .filter(c -> input.computeStatus() == null || input.computeStatus().equals(c.computeStatus()))
                .toList(), page.nextToken());
    }

    /**
     * The same token and expiry until less than 15 minutes are left, then a fresh one. Nodes sharing a store agree on
     * one expiry through a compare-and-set; the token is derived from it, so all hand out the same token.
     */
    GetComputeAuthTokenOutput getComputeAuthToken(ComputeInput input, CallContext context) {
        Registered registered = find(input, context);
        Fleet fleet = registered.fleet;
        Compute compute = registered.compute;
        Instant now = context.now();
        for (int attempt = 0; attempt < EXPIRY_RACE_RETRIES; attempt++) {
            Instant expiry = tokens.kind().expiryFor(now, compute.tokenExpiry());
            if (expiry.equals(compute.tokenExpiry()) || store.computes().updateTokenExpiry(fleet.fleetId(),
                    compute.computeName(), compute.registrationId(), compute.tokenExpiry(), expiry)) {
                String token = tokens.mint(
                        new Registration(fleet.fleetId(), compute.computeName(), compute.registrationId()), expiry);
                return new GetComputeAuthTokenOutput(fleet.fleetId(), fleet.fleetArn(), compute.computeName(),
                        compute.computeArn(), token, expiry);
            }
            compute = store.computes().find(fleet.fleetId(), compute.computeName())
                    .filter(c -> c.registrationId().equals(registered.compute.registrationId()))
                    .orElseThrow(() -> computeNotFound(registered.compute.computeName(), fleet.fleetId()));
        }
        throw GameLiftErrors.INTERNAL_SERVICE.exception("Could not settle the token of compute %s; try again.",
                compute.computeName());
    }

    private Registered find(ComputeInput input, CallContext context) {
        String computeName = support.computeName(input.computeName(), context.principal().accountId());
        Fleet fleet = fleets.find(context, input.fleetId());
        Compute compute = store.computes().find(fleet.fleetId(), computeName)
                .orElseThrow(() -> computeNotFound(computeName, fleet.fleetId()));
        return new Registered(fleet, compute);
    }

    private static io.gatepass.core.error.ServiceException computeNotFound(String computeName, String fleetId) {
        return GameLiftSupport.notFound("Compute %s not found in fleet %s.", computeName, fleetId);
    }

    private GameLiftShapes.Compute shape(Fleet fleet, Compute compute) {
        return shape(fleet, compute, processes.impairedComputes(fleet.fleetId()));
    }

    /** The compute as the API shows it: IMPAIRED while one of its processes is unhealthy. */
    private GameLiftShapes.Compute shape(Fleet fleet, Compute compute, Set<String> impaired) {
        String base = websocketBase.get();
        String status = impaired.contains(compute.computeName()) ? ListComputeStatus.IMPAIRED.name() : compute.status();
        return new GameLiftShapes.Compute(fleet.fleetId(), fleet.fleetArn(), compute.computeName(),
                compute.computeArn(), compute.ipAddress(), compute.dnsName(), status, compute.location(),
                compute.createdAt(), base + "/gamelift/sdk", base + "/gamelift/agent");
    }

    private record Registered(Fleet fleet, Compute compute) {
    }

    enum ListComputeStatus { ACTIVE, IMPAIRED }
}
