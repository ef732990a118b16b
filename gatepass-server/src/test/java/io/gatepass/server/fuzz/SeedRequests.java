package io.gatepass.server.fuzz;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import io.gatepass.server.internal.api.BoundOperation;
import io.gatepass.server.internal.api.Naming;
import io.gatepass.server.internal.api.OperationTable;
import io.gatepass.server.internal.api.ServiceDescriptor;
import io.gatepass.server.internal.api.rest.RestRoute;
import io.gatepass.server.internal.protocol.rest.RestRoutes;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A valid request for every operation the server registered, in every protocol its service speaks, derived from the
 * {@link OperationTable} (input record types, member spelling, XML namespace) and the {@link RestRoutes} (method, path,
 * query and header bindings). A new operation is fuzzed without anyone writing its request.
 *
 * <p>Each operation gets two seeds: one with only the members the fixture has values for ({@code samples}, keyed by
 * the input record's component name: real user, fleet, domain names), which mostly succeed, and one with every member
 * filled (by type where the fixture has no value), which reaches more validation paths.
 */
public final class SeedRequests {
    private static final Pattern API_VERSION = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper CBOR = new CBORMapper();

    /** One seed: which protocol and operation, the service to sign for, the unsigned request. */
    public record Seed(String id, String protocol, String signingService, RawRequest request) {
    }

    private final OperationTable table;
    private final RestRoutes routes;
    private final Map<String, Object> samples;
    private final Instant now;

    public SeedRequests(OperationTable table, RestRoutes routes, Map<String, Object> samples, Instant now) {
        this.table = table;
        this.routes = routes;
        this.samples = samples;
        this.now = now;
    }

    public List<Seed> all() {
        List<Seed> seeds = new ArrayList<>();
        for (BoundOperation<?, ?> operation : table.all()) {
            for (boolean full : new boolean[] {false, true}) {
                seeds.addAll(seeds(operation, full));
            }
        }
        return seeds;
    }

    private List<Seed> seeds(BoundOperation<?, ?> operation, boolean full) {
        ServiceDescriptor service = operation.service();
        String id = service.signingName() + "." + operation.name() + (full ? "/full" : "/known");
        Matcher version = API_VERSION.matcher(service.wireName());
        if (version.find()) {
            ObjectNode input = input(operation.inputType(), service.naming(), full, false);
            StringBuilder form = new StringBuilder("Action=").append(operation.name())
                    .append("&Version=").append(version.group(1));
            flatten(input, "", form);
            return List.of(new Seed("query:" + id, "query", service.signingName(), new RawRequest("POST", "/",
                    List.of(Map.entry("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")),
                    form.toString().getBytes(StandardCharsets.UTF_8))));
        }
        var route = routes.route(service.signingName(), operation.name());
        if (route.isPresent()) {
            return List.of(new Seed("restJson:" + id, "restJson", service.signingName(),
                    rest(route.get(), input(operation.inputType(), service.naming(), full, true))));
        }
        ObjectNode input = input(operation.inputType(), service.naming(), full, true);
        return List.of(
                new Seed("awsJson1_1:" + id, "awsJson1_1", service.signingName(), new RawRequest("POST", "/",
                        List.of(Map.entry("Content-Type", "application/x-amz-json-1.1"),
                                Map.entry("X-Amz-Target", service.wireName() + "." + operation.name())),
                        bytes(JSON, input))),
                new Seed("rpcv2Cbor:" + id, "rpcv2Cbor", service.signingName(), new RawRequest("POST",
                        "/service/" + service.wireName() + "/operation/" + operation.name(),
                        List.of(Map.entry("Content-Type", "application/cbor"),
                                Map.entry("Accept", "application/cbor"),
                                Map.entry("smithy-protocol", "rpc-v2-cbor")),
                        bytes(CBOR, input))));
    }

    private RawRequest rest(RestRoute route, ObjectNode input) {
        String path = route.pathTemplate();
        for (Map.Entry<String, String> label : route.labelToMember().entrySet()) {
            JsonNode value = input.remove(label.getValue());
            path = path.replace("{" + label.getKey() + "+}", value == null ? "x" : value.asText())
                    .replace("{" + label.getKey() + "}", encode(value == null ? "x" : value.asText()));
        }
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, String> parameter : route.queryToMember().entrySet()) {
            JsonNode value = input.remove(parameter.getValue());
            if (value != null) {
                query.append(query.isEmpty() ? "?" : "&").append(encode(parameter.getKey())).append('=')
                        .append(encode(value.asText()));
            }
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (Map.Entry<String, String> header : route.headerToMember().entrySet()) {
            JsonNode value = input.remove(header.getValue());
            if (value != null) {
                headers.add(Map.entry(header.getKey(), value.asText()));
            }
        }
        byte[] body;
        if (route.payloadMember() != null) {
            JsonNode payload = input.remove(route.payloadMember());
            body = payload == null ? new byte[0] : payload.asText().getBytes(StandardCharsets.UTF_8);
            headers.add(Map.entry("Content-Type", "application/octet-stream"));
        } else if (input.isEmpty()) {
            body = new byte[0];
        } else {
            body = bytes(JSON, input);
            headers.add(Map.entry("Content-Type", "application/json"));
        }
        return new RawRequest(route.method(), path + query, headers, body);
    }

    /** The input tree of a record type, members spelled as the service spells them. */
    private ObjectNode input(Class<?> type, Naming naming, boolean full, boolean epochTimestamps) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        if (!type.isRecord()) {
            return node;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            Object sample = samples.get(component.getName());
            JsonNode value = sample != null ? JSON.valueToTree(sample)
                    : full ? value(component.getGenericType(), naming, epochTimestamps) : null;
            if (value != null) {
                node.set(wireName(component, naming), value);
            }
        }
        return node;
    }

    private JsonNode value(Type type, Naming naming, boolean epochTimestamps) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (type instanceof ParameterizedType parameterized) {
            Type[] arguments = parameterized.getActualTypeArguments();
            if (parameterized.getRawType() == List.class) {
                return nodes.arrayNode().add(value(arguments[0], naming, epochTimestamps));
            }
            if (parameterized.getRawType() == Map.class) {
                return nodes.objectNode().set("fuzzkey", value(arguments[1], naming, epochTimestamps));
            }
            return null;
        }
        Class<?> raw = (Class<?>) type;
        if (raw == String.class) {
            return nodes.textNode("fuzz");
        } else if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
            return nodes.numberNode(1);
        } else if (raw == Double.class || raw == double.class || raw == Float.class) {
            return nodes.numberNode(1.5);
        } else if (raw == Boolean.class || raw == boolean.class) {
            return nodes.booleanNode(true);
        } else if (raw == Instant.class) {
            return epochTimestamps ? nodes.numberNode(now.getEpochSecond()) : nodes.textNode(now.toString());
        } else if (raw == byte[].class) {
            return nodes.binaryNode("fuzz".getBytes(StandardCharsets.UTF_8));
        } else if (raw.isEnum()) {
            return nodes.textNode(raw.getEnumConstants()[0].toString());
        } else if (raw.isRecord()) {
            return input(raw, naming, true, epochTimestamps);
        }
        return null;
    }

    /** The query protocol's flattening: {@code A.B=v}, lists as {@code A.member.1}, maps as {@code A.entry.1.key}. */
    private static void flatten(JsonNode node, String prefix, StringBuilder form) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                flatten(member.getValue(), prefix.isEmpty() ? member.getKey() : prefix + "." + member.getKey(), form);
            }
        } else if (node instanceof ArrayNode list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(list.get(i), prefix + ".member." + (i + 1), form);
            }
        } else {
            form.append('&').append(encode(prefix)).append('=').append(encode(node.asText()));
        }
    }

    private static String wireName(RecordComponent member, Naming naming) {
        JsonProperty renamed = member.getAnnotation(JsonProperty.class);
        if (renamed == null) {
            renamed = member.getAccessor().getAnnotation(JsonProperty.class);
        }
        if (renamed != null && !renamed.value().isEmpty()) {
            return renamed.value();
        }
        String component = member.getName();
        return naming == Naming.PASCAL_CASE ? Character.toUpperCase(component.charAt(0)) + component.substring(1)
                : component;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] bytes(ObjectMapper mapper, JsonNode tree) {
        try {
            return mapper.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
