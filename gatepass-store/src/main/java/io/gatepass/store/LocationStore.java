package io.gatepass.store;

import io.gatepass.core.gamelift.Location;

import java.util.List;
import java.util.Optional;

/** GameLift custom locations. Names are unique per account and case-sensitive, as in GameLift. */
public interface LocationStore {
    /** @throws DuplicateEntityException if the account has a location of exactly that name */
    void create(Location location);

    Optional<Location> find(String accountId, String locationName);

    /**
     * Locations of the account ordered by name (code point order), starting strictly after {@code afterName} (null:
     * from the start), at most {@code limit}. Ask for one more than the page size to learn whether more follow.
     *
     * @throws IllegalArgumentException if {@code limit} is not positive
     */
    List<Location> list(String accountId, String afterName, int limit);

    /**
     * Deletes the location. Check {@link FleetStore#isLocationInUse} first: a location a fleet runs in is not deleted.
     *
     * @return false if no such location
     * @throws ReferenceViolationException if a fleet of the account runs in it
     */
    boolean delete(String accountId, String locationName);
}
