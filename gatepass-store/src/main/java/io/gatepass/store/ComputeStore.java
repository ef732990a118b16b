package io.gatepass.store;

import io.gatepass.core.gamelift.Compute;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Computes registered with Anywhere fleets, keyed by fleet id and compute name (case-sensitive). Each registration
 * has its own registration id; deregistering deletes the row, so the id (and every token bound to it) is gone.
 */
public interface ComputeStore {
    /**
     * Registers the compute. The caller has checked that the fleet belongs to {@code compute.accountId()}.
     *
     * @throws DuplicateEntityException    if the fleet has a compute of that name, or the registration id exists
     * @throws ReferenceViolationException if the fleet does not exist or does not run in {@code compute.location()}
     *                                     (typically deleted or changed meanwhile)
     */
    void register(Compute compute);

    Optional<Compute> find(String fleetId, String computeName);

    /** The compute holding this registration, if it is still registered (an indexed lookup, for token checks). */
    Optional<Compute> findByRegistrationId(String registrationId);

    /**
     * Computes of the fleet, only those in {@code locationOrNull} unless it is null, ordered by name (code point
     * order), starting strictly after {@code afterComputeName} (null: from the start), at most {@code limit}. Ask for
     * one more than the page size to learn whether more follow.
     *
     * @throws IllegalArgumentException if {@code limit} is not positive
     */
    List<Compute> list(String fleetId, String locationOrNull, String afterComputeName, int limit);

    /** @return false if no such compute */
    boolean deregister(String fleetId, String computeName);

    /**
     * Compare-and-set of the compute's token expiry: sets it to {@code newExpiry} only if the compute still has this
     * registration and its stored token expiry equals {@code expectedCurrentOrNull} (null: none stored yet). Of
     * several callers expecting the same value, on any node, exactly one succeeds; the others re-read and use the
     * winner's expiry. Instants are compared at the microsecond, as stored.
     *
     * @return false if the stored expiry differs, or the compute or its registration is gone
     */
    boolean updateTokenExpiry(String fleetId, String computeName, String registrationId,
                              Instant expectedCurrentOrNull, Instant newExpiry);

    /** How many computes of the fleet are registered in the location. */
    int countInLocation(String fleetId, String location);
}
