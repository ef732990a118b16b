package io.gatepass.server.internal.api.gamelift;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * The fleet attributes GameLift echoes back that Gatepass stores without acting on them, kept as one opaque JSON
 * column (the store does not need to know their shape).
 */
record FleetExtras(String fleetType, String anywhereCost, String certificateType, List<String> metricGroups,
                   String newGameSessionProtectionPolicy, String instanceRoleArn) {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false).build();

    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static FleetExtras fromJson(String json) {
        if (json == null || json.isBlank()) {
            return new FleetExtras("ON_DEMAND", null, "DISABLED", List.of(), "NoProtection", null);
        }
        try {
            return JSON.readValue(json, FleetExtras.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored fleet attributes are not readable", e);
        }
    }
}
