package io.gatepass.server.internal.protocol.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the query protocol's flattened parameters into a tree: {@code Tags.member.2.Key=k} becomes
 * {@code {"Tags": [ {}, {"Key": "k"} ]}}. Protocol parameters (Action, Version, X-Amz-*) are left out.
 */
final class FormParameters {
    private FormParameters() {
    }

    static ObjectNode toTree(Map<String, String> parameters) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        // Sorted so that list indexes arrive in order for each prefix; most calls have no members to sort.
        TreeMap<String, String> members = null;
        for (Map.Entry<String, String> entry : parameters.entrySet()) {
            String name = entry.getKey();
            if (!name.equals("Action") && !name.equals("Version") && !name.startsWith("X-Amz-")) {
                if (members == null) {
                    members = new TreeMap<>();
                }
                members.put(name, entry.getValue());
            }
        }
        if (members != null) {
            for (Map.Entry<String, String> entry : members.entrySet()) {
                put(root, entry.getKey().split("\\.", -1), 0, entry.getValue());
            }
        }
        return root;
    }

    private static void put(ObjectNode object, String[] path, int at, String value) {
        String name = path[at];
        if (at == path.length - 1) {
            object.put(name, value);
            return;
        }
        if (path[at + 1].equals("member") && at + 2 < path.length && isIndex(path[at + 2])) {
            JsonNode existing = object.get(name);
            ArrayNode list = existing instanceof ArrayNode array ? array : object.putArray(name);
            int index = Integer.parseInt(path[at + 2]) - 1;
            while (list.size() <= index) {
                list.addNull();
            }
            if (at + 3 == path.length) {
                list.set(index, value);
            } else {
                JsonNode item = list.get(index);
                ObjectNode itemObject = item instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
                list.set(index, itemObject);
                put(itemObject, path, at + 3, value);
            }
            return;
        }
        JsonNode existing = object.get(name);
        ObjectNode child = existing instanceof ObjectNode o ? o : object.putObject(name);
        put(child, path, at + 1, value);
    }

    private static boolean isIndex(String segment) {
        if (segment.isEmpty() || segment.length() > 4) {
            return false;
        }
        for (int i = 0; i < segment.length(); i++) {
            if (!Character.isDigit(segment.charAt(i))) {
                return false;
            }
        }
        return Integer.parseInt(segment) >= 1;
    }
}
