package io.gatepass.server.internal.endpoints.sdk;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * The websocket's JSON: a request is a text frame with {@code Action} and {@code RequestId} and its members at the top
 * level; a reply echoes both and always carries {@code StatusCode} and {@code ErrorMessage}, with the payload at the
 * top level; a push has an {@code Action} and no {@code RequestId}. Member names are PascalCase.
 */
public final class SdkMessages {
    private final ObjectMapper json = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    /** A decoded request frame. */
    public record Request(String action, String requestId, ObjectNode body) {
    }

    /** Thrown for a frame that is not a JSON object with a text {@code Action}. */
    public static final class MalformedFrame extends Exception {
        MalformedFrame(String message) {
            super(message);
        }
    }

    public Request decode(String frame) throws MalformedFrame {
        JsonNode node;
        try {
            node = json.readTree(frame);
        } catch (JsonProcessingException e) {
            throw new MalformedFrame("not JSON");
        }
        if (!(node instanceof ObjectNode object) || !object.path("Action").isTextual()) {
            throw new MalformedFrame("not a JSON object with an Action");
        }
        JsonNode requestId = object.get("RequestId");
        return new Request(object.get("Action").asText(), requestId == null || requestId.isNull() ? null
                : requestId.asText(), object);
    }

    /** The request's members as a record (PascalCase names); unknown members are ignored. */
    public <T> T bind(Request request, Class<T> type) {
        try {
            return json.treeToValue(request.body(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException("members of " + request.action() + " are not of the expected types");
        }
    }

    public String reply(String action, String requestId, int statusCode, String errorMessage, Object payload) {
        ObjectNode out = json.createObjectNode();
        out.put("Action", action);
        if (requestId != null) {
            out.put("RequestId", requestId);
        }
        out.put("StatusCode", statusCode);
        out.put("ErrorMessage", errorMessage == null ? "" : errorMessage);
        if (payload != null) {
            JsonNode fields = json.valueToTree(payload);
            if (fields instanceof ObjectNode object) {
                object.fields().forEachRemaining(f -> {
                    if (!out.has(f.getKey())) {
                        out.set(f.getKey(), f.getValue());
                    }
                });
            }
        }
        return out.toString();
    }

    public String push(String action, Map<String, ?> members) {
        ObjectNode out = json.createObjectNode();
        out.put("Action", action);
        members.forEach((name, value) -> out.set(name, json.valueToTree(value)));
        return out.toString();
    }
}
