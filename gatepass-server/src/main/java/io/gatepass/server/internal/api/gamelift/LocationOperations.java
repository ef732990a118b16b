package io.gatepass.server.internal.api.gamelift;

import io.gatepass.core.gamelift.Location;
import io.gatepass.server.internal.api.CallContext;
import io.gatepass.server.internal.api.Empty;
import io.gatepass.server.internal.api.Paging;
import io.gatepass.server.internal.api.gamelift.GameLiftShapes.CreateLocationInput;
import io.gatepass.server.internal.api.gamelift.GameLiftShapes.CreateLocationOutput;
import io.gatepass.server.internal.api.gamelift.GameLiftShapes.DeleteLocationInput;
import io.gatepass.server.internal.api.gamelift.GameLiftShapes.ListLocationsInput;
import io.gatepass.server.internal.api.gamelift.GameLiftShapes.ListLocationsOutput;
import io.gatepass.server.internal.api.gamelift.GameLiftShapes.LocationModel;
import io.gatepass.store.DuplicateEntityException;
import io.gatepass.store.ReferenceViolationException;
import io.gatepass.store.Store;

import java.time.temporal.ChronoUnit;
import java.util.List;

/** CreateLocation, ListLocations, DeleteLocation: the custom locations of an account. */
final class LocationOperations {
    private static final int LIST_LIMIT = 200;

    private final GameLiftSupport support;
    private final Store store;

    LocationOperations(GameLiftSupport support, Store store) {
        this.support = support;
        this.store = store;
    }

    CreateLocationOutput createLocation(CreateLocationInput input, CallContext context) {
        String name = support.validation.requiredString("LocationName", input.locationName(), 8, 64,
                GameLiftSupport.CUSTOM_LOCATION);
        String account = context.principal().accountId();
        String arn = support.locationArn(account, name);
        support.authorize(context, arn);
        Location location = new Location(account, name, arn, context.now().truncatedTo(ChronoUnit.MILLIS));
        try {
            store.locations().create(location);
        } catch (DuplicateEntityException e) {
            throw GameLiftErrors.CONFLICT.exception("Location %s already exists.", name);
        }
        return new CreateLocationOutput(model(location));
    }

    ListLocationsOutput listLocations(ListLocationsInput input, CallContext context) {
        List<String> filters = input.filters() == null ? List.of() : input.filters();
        if (input.filters() != null && (filters.isEmpty() || filters.size() > 2)) {
            throw support.validation.fail("Value at 'filters' failed to satisfy constraint: Member must have length "
                    + "between 1 and 2");
        }
        for (String filter : filters) {
            support.validation.oneOf("Filters", filter, LocationFilter.class);
        }
        int limit = support.limit(input.limit(), LIST_LIMIT);
        String after = support.after(input.nextToken());
        String account = context.principal().accountId();
        support.authorize(context, "*");
        if (!filters.isEmpty() && !filters.contains(LocationFilter.CUSTOM.name())) {
            return new ListLocationsOutput(List.of(), null);
        }
        Paging.Page<Location> page = Paging.of(store.locations().list(account, after, limit + 1), limit,
                Location::locationName);
        return new ListLocationsOutput(page.items().stream().map(LocationOperations::model).toList(),
                page.nextToken());
    }

    Empty deleteLocation(DeleteLocationInput input, CallContext context) {
        String name = support.locationName(input.locationName());
        String account = context.principal().accountId();
        Location location = store.locations().find(account, name)
                .orElseThrow(() -> GameLiftSupport.notFound("Location %s not found.", name));
        support.authorize(context, location.locationArn());
        if (store.fleets().isLocationInUse(account, name)) {
            throw inUse(name);
        }
        try {
            if (!store.locations().delete(account, name)) {
                throw GameLiftSupport.notFound("Location %s not found.", name);
            }
        } catch (ReferenceViolationException e) {
            throw inUse(name);
        }
        return Empty.INSTANCE;
    }

    private static io.gatepass.core.error.ServiceException inUse(String name) {
        return GameLiftErrors.INVALID_REQUEST.exception(
                "Location %s is used by a fleet; remove it from every fleet before deleting it.", name);
    }

    static LocationModel model(Location location) {
        return new LocationModel(location.locationName(), location.locationArn());
    }

    /** The ListLocations filter values: Gatepass has custom locations only. */
    enum LocationFilter { AWS, CUSTOM }
}
