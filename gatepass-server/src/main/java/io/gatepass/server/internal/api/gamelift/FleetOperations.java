package io.gatepass.server.internal.api.gamelift;

import io.gatepass.core.gamelift.Fleet;
import io.gatepass.core.gamelift.FleetLocation;
import io.gatepass.core.gamelift.RuntimeConfiguration;
import io.gatepass.server.internal.api.CallContext;
import io.gatepass.server.internal.api.Empty;
import io.gatepass.server.internal.api.Paging;
import io.gatepass.server.internal.api.gamelift.GameLiftShapes.AnywhereConfiguration;
import io.gatepass.server.internal.api.gamelift.GameLiftShapes.CertificateConfiguration;
import io.gatepass.server.internal.api.gamelift.GameLiftShapes.CreateFleetInput;
import io.gatepass.server.internal.api.gamelift.GameLiftShapes.CreateFleetLocationsInput;
import io.gatepass.server.internal.api.gamelift.GameLiftShapes.CreateFleetOutput;
import io.gatepass.server.internal.api.gamelift.GameLiftShapes.DeleteFleetLocationsInput;
import io.gatepass.server.internal.api.gamelift.GameLiftShapes.DescribeFleetLocationAttributesInput;
import io.gatepass.server.internal.api.gamelift.GameLiftShapes.DescribeFleetLocationAttributesOutput;
import io.gatepass.server.internal.api.gamelift.GameLiftShapes.DescribeFleetAttributesInput;
import io.gatepass.server.internal.api.gamelift.GameLiftShapes.DescribeFleetAttributesOutput;
import io.gatepass.server.internal.api.gamelift.GameLiftShapes.FleetAttributes;
import io.gatepass.server.internal.api.gamelift.GameLiftShapes.FleetIdInput;
import io.gatepass.server.internal.api.gamelift.GameLiftShapes.FleetLocationsOutput;
import io.gatepass.server.internal.api.gamelift.GameLiftShapes.ListFleetsInput;
import io.gatepass.server.internal.api.gamelift.GameLiftShapes.ListFleetsOutput;
import io.gatepass.server.internal.api.gamelift.GameLiftShapes.LocationAttributes;
import io.gatepass.server.internal.api.gamelift.GameLiftShapes.LocationConfiguration;
import io.gatepass.server.internal.api.gamelift.GameLiftShapes.LocationState;
import io.gatepass.server.internal.gamelift.RuntimeConfigurations;
import io.gatepass.store.DuplicateEntityException;
import io.gatepass.store.ReferenceViolationException;
import io.gatepass.store.Store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * CreateFleet, DescribeFleetAttributes, ListFleets, DeleteFleet, CreateFleetLocations, DeleteFleetLocations,
 * DescribeFleetLocationAttributes.
 * Gatepass hosts Anywhere fleets only: they live in the account's custom locations and are ACTIVE at once.
 */
final class FleetOperations {
    private static final Pattern COST = Pattern.compile("^\\d{1,5}(?:\\.\\d{1,5})?$");
    private static final int MAX_LOCATIONS = 100;
    private static final int LIST_LIMIT = 100;

    private final GameLiftSupport support;
    private final Store store;
    private final RuntimeConfigurations runtimeConfigurations;

    FleetOperations(GameLiftSupport support, Store store) {
        this.support = support;
        this.store = store;
        this.runtimeConfigurations = new RuntimeConfigurations(store.fleets());
    }

    CreateFleetOutput createFleet(CreateFleetInput input, CallContext context) {
        var v = support.validation;
        String name = v.requiredString("Name", input.name(), 1, 1024, null);
        String description = v.optionalString("Description", input.description(), 1, 1024, null);
        v.oneOf("ComputeType", input.computeType(), ComputeType.class);
        if (!ComputeType.ANYWHERE.name().equals(input.computeType())) {
            throw GameLiftErrors.INVALID_REQUEST.exception("Gatepass hosts Anywhere fleets only: set ComputeType to "
                    + "ANYWHERE and give custom locations (EC2 fleets are not available).");
        }
        if (input.buildId() != null || input.scriptId() != null || input.eC2InstanceType() != null) {
            throw GameLiftErrors.INVALID_REQUEST.exception(
                    "BuildId, ScriptId and EC2InstanceType do not apply to ANYWHERE fleets.");
        }
        String fleetType = input.fleetType() == null ? FleetType.ON_DEMAND.name()
                : v.oneOf("FleetType", input.fleetType(), FleetType.class).name();
        String cost = input.anywhereConfiguration() == null ? null
                : v.requiredString("AnywhereConfiguration.Cost", input.anywhereConfiguration().cost(), 1, 11, COST);
        String certificateType = input.certificateConfiguration() == null ? CertificateType.DISABLED.name()
                : v.oneOf("CertificateConfiguration.CertificateType",
                v.required("CertificateConfiguration.CertificateType",
                        input.certificateConfiguration().certificateType()), CertificateType.class).name();
        String protection = input.newGameSessionProtectionPolicy() == null ? ProtectionPolicy.NoProtection.name()
                : v.oneOf("NewGameSessionProtectionPolicy", input.newGameSessionProtectionPolicy(),
                ProtectionPolicy.class).name();
        String instanceRoleArn = v.optionalString("InstanceRoleArn", input.instanceRoleArn(), 1, 2048, null);
        List<String> metricGroups = input.metricGroups() == null ? List.of() : input.metricGroups();
        if (metricGroups.size() > 1) {
            throw v.fail("Value at 'metricGroups' failed to satisfy constraint: Member must have length less than "
                    + "or equal to 1");
        }
        if (input.locations() == null || input.locations().isEmpty()) {
            throw GameLiftErrors.INVALID_REQUEST.exception(
                    "An ANYWHERE fleet needs at least one custom location in Locations.");
        }
        RuntimeConfiguration runtimeConfiguration = input.runtimeConfiguration() == null ? null
                : RuntimeConfigurationOperations.validate(support, input.runtimeConfiguration());
        String account = context.principal().accountId();
        List<String> locations = customLocations(account, input.locations());
        String fleetId = support.ids.fleetId();
        String fleetArn = support.fleetArn(account, fleetId);
        support.authorize(context, fleetArn);

        Instant now = context.now().truncatedTo(ChronoUnit.MILLIS);
        FleetExtras extras = new FleetExtras(fleetType, cost, certificateType, metricGroups, protection,
                instanceRoleArn);
        Fleet fleet = new Fleet(account, fleetId, fleetArn, name, description, ComputeType.ANYWHERE.name(),
                Fleet.STATUS_ACTIVE, now, extras.toJson());
        List<FleetLocation> fleetLocations = locations.stream()
                .map(l -> new FleetLocation(fleetId, l, Fleet.STATUS_ACTIVE, now)).toList();
        try {
            store.fleets().create(fleet, fleetLocations);
        } catch (ReferenceViolationException e) {
            throw GameLiftSupport.notFound("A location was deleted while the fleet was being created.");
        }
        if (runtimeConfiguration != null) {
            runtimeConfigurations.replace(fleetId, runtimeConfiguration);
        }
        return new CreateFleetOutput(attributes(fleet), states(fleetLocations));
    }

    DescribeFleetAttributesOutput describeFleetAttributes(DescribeFleetAttributesInput input, CallContext context) {
        String account = context.principal().accountId();
        if (input.fleetIds() != null) {
            if (input.fleetIds().isEmpty()) {
                throw support.validation.fail("Value at 'fleetIds' failed to satisfy constraint: Member must have "
                        + "length greater than or equal to 1");
            }
            List<FleetAttributes> found = new ArrayList<>();
            for (String idOrArn : input.fleetIds()) {
                String fleetId;
                try {
                    fleetId = support.fleetId(idOrArn, account);
                } catch (io.gatepass.core.error.ServiceException notInThisAccount) {
                    if (!notInThisAccount.errorCode().equals(GameLiftErrors.NOT_FOUND)) {
                        throw notInThisAccount;
                    }
                    continue; // like an id that names no fleet: left out of the answer
                }
                store.fleets().find(account, fleetId).ifPresent(fleet -> {
                    support.authorize(context, fleet.fleetArn());
                    found.add(attributes(fleet));
                });
            }
            return new DescribeFleetAttributesOutput(found, null);
        }
        int limit = support.positiveLimit(input.limit(), LIST_LIMIT);
        support.authorize(context, "*");
        Paging.Page<Fleet> page = Paging.of(store.fleets().list(account, support.after(input.nextToken()),
                limit + 1), limit, Fleet::fleetId);
        return new DescribeFleetAttributesOutput(page.items().stream().map(this::attributes).toList(),
                page.nextToken());
    }

    ListFleetsOutput listFleets(ListFleetsInput input, CallContext context) {
        int limit = support.positiveLimit(input.limit(), LIST_LIMIT);
        String after = support.after(input.nextToken());
        support.authorize(context, "*");
        if (input.buildId() != null || input.scriptId() != null) {
            return new ListFleetsOutput(List.of(), null); // Anywhere fleets have no builds or scripts.
        }
        Paging.Page<Fleet> page = Paging.of(store.fleets().list(context.principal().accountId(), after, limit + 1),
                limit, Fleet::fleetId);
        return new ListFleetsOutput(page.items().stream().map(Fleet::fleetId).toList(), page.nextToken());
    }

    Empty deleteFleet(FleetIdInput input, CallContext context) {
        Fleet fleet = find(context, input.fleetId());
        if (!store.fleets().delete(fleet.accountId(), fleet.fleetId())) {
            throw fleetNotFound(fleet.fleetId());
        }
        return Empty.INSTANCE;
    }

    FleetLocationsOutput createFleetLocations(CreateFleetLocationsInput input, CallContext context) {
        Fleet fleet = find(context, input.fleetId());
        if (input.locations() == null || input.locations().isEmpty()) {
            throw support.validation.fail("Value null at 'locations' failed to satisfy constraint: Member must not be null");
        }
        List<String> locations = customLocations(fleet.accountId(), input.locations());
        Instant now = context.now().truncatedTo(ChronoUnit.MILLIS);
        List<FleetLocation> added = locations.stream()
                .map(l -> new FleetLocation(fleet.fleetId(), l, Fleet.STATUS_ACTIVE, now)).toList();
        try {
            if (!store.fleets().addLocations(fleet.fleetId(), added)) {
                throw fleetNotFound(fleet.fleetId());
            }
        } catch (DuplicateEntityException e) {
            throw GameLiftErrors.CONFLICT.exception("One of the locations is already part of fleet %s.",
                    fleet.fleetId());
        } catch (ReferenceViolationException e) {
            throw GameLiftSupport.notFound("A location was deleted while it was being added to fleet %s.",
                    fleet.fleetId());
        }
        return new FleetLocationsOutput(fleet.fleetId(), fleet.fleetArn(), states(added));
    }

    FleetLocationsOutput deleteFleetLocations(DeleteFleetLocationsInput input, CallContext context) {
        Fleet fleet = find(context, input.fleetId());
        if (input.locations() == null || input.locations().isEmpty()) {
            throw support.validation.fail("Value null at 'locations' failed to satisfy constraint: Member must not be null");
        }
        Set<String> removing = new LinkedHashSet<>();
        for (String location : input.locations()) {
            removing.add(support.validation.requiredString("Locations", location, 1, 64, GameLiftSupport.LOCATION));
        }
        List<String> current = store.fleets().locations(fleet.fleetId()).stream().map(FleetLocation::location)
                .toList();
        for (String location : removing) {
            if (!current.contains(location)) {
                throw GameLiftErrors.INVALID_REQUEST.exception("Location %s is not part of fleet %s.", location,
                        fleet.fleetId());
            }
            if (store.computes().countInLocation(fleet.fleetId(), location) > 0) {
                throw GameLiftErrors.INVALID_REQUEST.exception("Location %s of fleet %s has registered computes; "
                        + "deregister them first.", location, fleet.fleetId());
            }
        }
        if (removing.containsAll(current)) {
            throw GameLiftErrors.INVALID_REQUEST.exception(
                    "An ANYWHERE fleet needs at least one custom location; fleet %s would have none.", fleet.fleetId());
        }
        store.fleets().removeLocations(fleet.fleetId(), List.copyOf(removing));
        return new FleetLocationsOutput(fleet.fleetId(), fleet.fleetArn(),
                removing.stream().map(l -> new LocationState(l, "DELETING")).toList());
    }

    /**
     * The fleet's custom locations and their status: the requested ones in the order asked (those the fleet does not
     * have left out), else all of them by name; pages resume after the last location handed out.
     */
    DescribeFleetLocationAttributesOutput describeFleetLocationAttributes(DescribeFleetLocationAttributesInput input,
                                                                          CallContext context) {
        int limit = support.positiveLimit(input.limit(), LIST_LIMIT);
        String after = support.after(input.nextToken());
        if (input.locations() != null) {
            if (input.locations().isEmpty() || input.locations().size() > MAX_LOCATIONS) {
                throw support.validation.fail("Value at 'locations' failed to satisfy constraint: Member must have "
                        + "length between 1 and " + MAX_LOCATIONS);
            }
            for (String location : input.locations()) {
                support.validation.requiredString("Locations", location, 1, 64, GameLiftSupport.LOCATION);
            }
        }
        Fleet fleet = find(context, input.fleetId());
        List<FleetLocation> all = store.fleets().locations(fleet.fleetId()).stream()
                .sorted(java.util.Comparator.comparing(FleetLocation::location)).toList();
        List<FleetLocation> wanted = input.locations() == null ? all : input.locations().stream().distinct()
                .flatMap(name -> all.stream().filter(l -> l.location().equals(name))).toList();
        int start = 0;
        if (after != null) {
            start = wanted.stream().map(FleetLocation::location).toList().indexOf(after) + 1;
        }
        List<FleetLocation> rest = wanted.subList(start, Math.min(wanted.size(), start + limit + 1));
        Paging.Page<FleetLocation> page = Paging.of(rest, limit, FleetLocation::location);
        return new DescribeFleetLocationAttributesOutput(fleet.fleetId(), fleet.fleetArn(), page.items().stream()
                .map(l -> new LocationAttributes(new LocationState(l.location(), l.status()), List.of(), null))
                .toList(), page.nextToken());
    }

    /** The fleet named by a FleetId member (id or ARN) in the caller's account, authorized for the operation. */
    Fleet find(CallContext context, String fleetIdOrArn) {
        String fleetId = support.fleetId(fleetIdOrArn, context.principal().accountId());
        Fleet fleet = store.fleets().find(context.principal().accountId(), fleetId)
                .orElseThrow(() -> fleetNotFound(fleetId));
        support.authorize(context, fleet.fleetArn());
        return fleet;
    }

    static io.gatepass.core.error.ServiceException fleetNotFound(String fleetId) {
        return GameLiftSupport.notFound("Fleet %s not found.", fleetId);
    }

    /** The distinct location names, each a custom location of the account. */
    private List<String> customLocations(String accountId, List<LocationConfiguration> configurations) {
        if (configurations.size() > MAX_LOCATIONS) {
            throw support.validation.fail("Value at 'locations' failed to satisfy constraint: Member must have length "
                    + "less than or equal to " + MAX_LOCATIONS);
        }
        Set<String> names = new LinkedHashSet<>();
        for (LocationConfiguration configuration : configurations) {
            String location = support.validation.requiredString("Locations.Location",
                    Objects.requireNonNullElse(configuration, new LocationConfiguration(null)).location(), 1, 64,
                    GameLiftSupport.LOCATION);
            if (!GameLiftSupport.CUSTOM_LOCATION.matcher(location).matches()) {
                throw GameLiftErrors.INVALID_REQUEST.exception("Location %s is not a custom location: ANYWHERE "
                        + "fleets use custom locations (custom-...), made with CreateLocation.", location);
            }
            if (store.locations().find(accountId, location).isEmpty()) {
                throw GameLiftSupport.notFound("Location %s not found.", location);
            }
            if (!names.add(location)) {
                throw GameLiftErrors.INVALID_REQUEST.exception("Location %s is listed more than once.", location);
            }
        }
        return List.copyOf(names);
    }

    private static List<LocationState> states(List<FleetLocation> locations) {
        return locations.stream().map(l -> new LocationState(l.location(), l.status())).toList();
    }

    FleetAttributes attributes(Fleet fleet) {
        FleetExtras extras = FleetExtras.fromJson(fleet.attributesJson());
        return new FleetAttributes(fleet.fleetId(), fleet.fleetArn(), extras.fleetType(), fleet.description(),
                fleet.name(), fleet.createdAt(), fleet.status(), extras.metricGroups(),
                extras.newGameSessionProtectionPolicy(), fleet.computeType(),
                extras.anywhereCost() == null ? null : new AnywhereConfiguration(extras.anywhereCost()),
                new CertificateConfiguration(extras.certificateType()), extras.instanceRoleArn());
    }

    enum ComputeType { EC2, ANYWHERE }

    enum FleetType { ON_DEMAND, SPOT }

    enum CertificateType { DISABLED, GENERATED }

    enum ProtectionPolicy { NoProtection, FullProtection }
}
