package io.gatepass.server.internal.api.gamelift;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.gatepass.server.internal.api.Validation;
import io.gatepass.server.internal.api.gamelift.GameSessionShapes.GameProperty;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A game session's GameProperties: checked against the model, and kept in the store as one opaque JSON column. */
final class GameProperties {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Stored>> LIST = new TypeReference<>() {
    };
    private static final int MAX_PROPERTIES = 16;

    private GameProperties() {
    }

    /** The stored form: short member names, independent of the wire's spelling. */
    private record Stored(String k, String v) {
    }

    static List<GameProperty> validate(Validation v, List<GameProperty> properties) {
        if (properties == null) {
            return List.of();
        }
        if (properties.size() > MAX_PROPERTIES) {
            throw v.fail("Value at 'gameProperties' failed to satisfy constraint: Member must have length less than "
                    + "or equal to " + MAX_PROPERTIES);
        }
        for (GameProperty property : properties) {
            if (property == null) {
                throw v.fail("Value null at 'gameProperties' failed to satisfy constraint: Member must not be null");
            }
            v.requiredString("GameProperties.key", property.key(), 0, 32, null);
            v.requiredString("GameProperties.value", property.value(), 0, 96, null);
        }
        return properties;
    }

    static String toJson(List<GameProperty> properties) {
        try {
            return JSON.writeValueAsString(properties.stream().map(p -> new Stored(p.key(), p.value())).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<GameProperty> fromJson(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return JSON.readValue(json, LIST).stream().map(s -> new GameProperty(s.k(), s.v())).toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored game properties are not readable", e);
        }
    }

    /** Key to value; a key given twice keeps its last value. */
    static Map<String, String> toMap(List<GameProperty> properties) {
        Map<String, String> map = new LinkedHashMap<>();
        properties.forEach(p -> map.put(p.key(), p.value()));
        return map;
    }
}
