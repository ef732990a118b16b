package io.gatepass.server.internal.gamelift;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.gatepass.core.gamelift.RuntimeConfiguration;
import io.gatepass.store.FleetStore;

/**
 * Fleets' runtime configurations as the store keeps them: JSON with GameLift's member names. The API writes them
 * (CreateFleet, UpdateRuntimeConfiguration) and both the API and the agent websocket read them, so a change reaches
 * the agent on its next DescribeRuntimeConfiguration. Thread-safe.
 */
public final class RuntimeConfigurations {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private final FleetStore fleets;

    public RuntimeConfigurations(FleetStore fleets) {
        this.fleets = fleets;
    }

    /** The fleet's runtime configuration; {@link RuntimeConfiguration#NONE} if it has none or does not exist. */
    public RuntimeConfiguration of(String fleetId) {
        return fleets.runtimeConfiguration(fleetId).map(RuntimeConfigurations::fromJson)
                .orElse(RuntimeConfiguration.NONE);
    }

    /** Replaces the fleet's runtime configuration; false if there is no such fleet. */
    public boolean replace(String fleetId, RuntimeConfiguration configuration) {
        return fleets.updateRuntimeConfiguration(fleetId, toJson(configuration));
    }

    static String toJson(RuntimeConfiguration configuration) {
        try {
            return JSON.writeValueAsString(configuration);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static RuntimeConfiguration fromJson(String json) {
        try {
            return JSON.readValue(json, RuntimeConfiguration.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored runtime configuration is not readable", e);
        }
    }
}
