package io.gatepass.server.internal.api.gamelift;

import io.gatepass.core.gamelift.GameSession;
import io.gatepass.server.internal.gamelift.RuntimeConfigurations;
import io.gatepass.store.Store;

import java.util.HashMap;
import java.util.Map;

/**
 * The fleet's MaxConcurrentGameSessionActivations (its runtime configuration): how many game sessions may be
 * ACTIVATING on one compute at a time; placement skips the processes of a compute that has that many. Counted when a
 * placement starts, so two placements at the same moment may each take the last free activation.
 */
final class ActivationLimit {
    /** Activating game sessions one fleet can hold; placement reads them all to count them per compute. */
    private static final int MAX_COUNTED = 10_000;

    private final Integer max;
    private final Map<String, Integer> activatingPerCompute;

    private ActivationLimit(Integer max, Map<String, Integer> activatingPerCompute) {
        this.max = max;
        this.activatingPerCompute = activatingPerCompute;
    }

    static ActivationLimit of(Store store, String fleetId) {
        Integer max = new RuntimeConfigurations(store.fleets()).of(fleetId).maxConcurrentGameSessionActivations();
        if (max == null) {
            return new ActivationLimit(null, Map.of());
        }
        Map<String, Integer> counts = new HashMap<>();
        for (GameSession activating : store.gameSessions().list(fleetId, null, GameSession.ACTIVATING, null,
                MAX_COUNTED)) {
            counts.merge(activating.computeName(), 1, Integer::sum);
        }
        return new ActivationLimit(max, counts);
    }

    /** Whether the fleet limits activations at all. */
    boolean limited() {
        return max != null;
    }

    /** Whether the compute already has as many game sessions activating as the fleet allows. */
    boolean reached(String computeName) {
        return max != null && activatingPerCompute.getOrDefault(computeName, 0) >= max;
    }
}
