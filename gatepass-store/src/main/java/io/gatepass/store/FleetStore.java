package io.gatepass.store;

import io.gatepass.core.gamelift.Fleet;
import io.gatepass.core.gamelift.FleetLocation;

import java.util.List;
import java.util.Optional;

/**
 * GameLift fleets and the locations they run in. Fleet ids are unique across accounts. Every location of a fleet
 * must be a {@link LocationStore custom location} of the fleet's account, at most once per fleet; a fleet location
 * takes the computes registered in it along when it goes (see {@link #removeLocations} and {@link #delete}).
 */
public interface FleetStore {
    /**
     * Creates the fleet and its locations in one transaction: all of them, or nothing.
     *
     * @param locations every one with {@code fleet.fleetId()}; may be empty
     * @throws IllegalArgumentException    if a location names another fleet
     * @throws DuplicateEntityException    if the fleet id exists, or a location is listed twice
     * @throws ReferenceViolationException if a location is not a custom location of the fleet's account
     */
    void create(Fleet fleet, List<FleetLocation> locations);

    /** The fleet, if it exists and belongs to the account. */
    Optional<Fleet> find(String accountId, String fleetId);

    /**
     * Fleets of the account ordered by fleet id (code point order; ids are random, so this is not creation order),
     * starting strictly after {@code afterFleetId} (null: from the start), at most {@code limit}. Ask for one more
     * than the page size to learn whether more follow.
     *
     * @throws IllegalArgumentException if {@code limit} is not positive
     */
    List<Fleet> list(String accountId, String afterFleetId, int limit);

    /**
     * Deletes the fleet together with its locations and every compute registered with it, in one statement, so the
     * computes' registration ids (and the tokens bound to them) are gone the moment it returns.
     *
     * @return false if no such fleet in the account
     */
    boolean delete(String accountId, String fleetId);

    /**
     * Adds locations to a fleet in one transaction: all of them, or nothing.
     *
     * @param locations every one with {@code fleetId}
     * @return false (and nothing added) if no such fleet
     * @throws IllegalArgumentException    if a location names another fleet
     * @throws DuplicateEntityException    if a location is already on the fleet, or listed twice
     * @throws ReferenceViolationException if a location is not a custom location of the fleet's account, or the
     *                                     fleet was deleted meanwhile
     */
    boolean addLocations(String fleetId, List<FleetLocation> locations);

    /**
     * Removes the named locations from the fleet, and with them the computes registered there (check
     * {@link ComputeStore#countInLocation} first to refuse instead). Names the fleet does not have are ignored.
     *
     * @return how many locations were removed
     */
    int removeLocations(String fleetId, List<String> locationNames);

    /** The fleet's locations ordered by name (code point order); empty if no such fleet. */
    List<FleetLocation> locations(String fleetId);

    /** True if any fleet of the account runs in the location (DeleteLocation must refuse then). */
    boolean isLocationInUse(String accountId, String locationName);

    /**
     * The fleet's runtime configuration as stored (JSON, opaque to the store), or empty if it has none or there is no
     * such fleet.
     */
    Optional<String> runtimeConfiguration(String fleetId);

    /**
     * Replaces the fleet's runtime configuration (JSON, opaque to the store).
     *
     * @return false if no such fleet
     */
    boolean updateRuntimeConfiguration(String fleetId, String runtimeConfigurationJson);
}
