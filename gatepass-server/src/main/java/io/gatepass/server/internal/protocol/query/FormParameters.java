package io.gatepass.server.internal.protocol.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.gatepass.server.internal.api.CommonErrors;
import io.gatepass.server.internal.api.EchoedValues;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the query protocol's form-encoded parameters, and turns them into a tree: {@code Tags.member.2.Key=k} becomes
 * {@code {"Tags": [ {}, {"Key": "k"} ]}}. Protocol parameters (Action, Version, X-Amz-*) are left out of the tree.
 */
final class FormParameters {
    /** Parameters read from one query string or body; later ones are ignored. */
    static final int MAX_PARAMETERS = 1024;

    private FormParameters() {
    }

    /**
     * Adds the parameters of a query string or form body to {@code into}. The text is read as Netty's
     * {@code QueryStringDecoder} reads it with semicolons as ordinary characters: '&' separates parameters, '+' is a
     * space, percent-escapes are UTF-8 (malformed sequences become U+FFFD), a name without '=' has an empty value,
     * '#' ends the text, a leading '?' is skipped, and at most {@link #MAX_PARAMETERS} are read.
     *
     * @throws io.gatepass.core.error.ServiceException MalformedQueryString for a malformed percent-escape (wherever
     *         it is), else for a name given twice, in this text or already in {@code into}
     */
    static void addAll(Map<String, String> into, String encoded) {
        Map<String, String> decoded = new LinkedHashMap<>();
        Set<String> repeated = null;
        int length = encoded.length();
        int nameStart = length > 0 && encoded.charAt(0) == '?' ? 1 : 0;
        int valueStart = -1;
        int left = MAX_PARAMETERS;
        try {
            int i = nameStart;
            for (; i < length; i++) {
                char c = encoded.charAt(i);
                if (c == '=') {
                    if (nameStart == i) {
                        nameStart = i + 1;
                    } else if (valueStart < nameStart) {
                        valueStart = i + 1;
                    }
                } else if (c == '&' || c == '#') {
                    if (nameStart < i) {
                        repeated = add(decoded, repeated, encoded, nameStart, valueStart, i);
                        if (--left == 0) {
                            break;
                        }
                    }
                    if (c == '#') {
                        break;
                    }
                    nameStart = i + 1;
                }
            }
            if (i == length && nameStart < length) {
                repeated = add(decoded, repeated, encoded, nameStart, valueStart, length);
            }
        } catch (IllegalArgumentException e) { // a malformed or truncated percent-escape
            throw CommonErrors.MALFORMED_QUERY_STRING.exception("The query string contains a syntax error.");
        }
        for (String name : decoded.keySet()) {
            if (repeated != null && repeated.contains(name) || into.containsKey(name)) {
                // which one was meant is not for us to guess
                throw CommonErrors.MALFORMED_QUERY_STRING.exception("The parameter %s appears more than once.",
                        EchoedValues.of(name));
            }
        }
        into.putAll(decoded);
    }

    /** Adds one parameter; returns the names seen more than once so far. */
    private static Set<String> add(Map<String, String> decoded, Set<String> repeated, String encoded, int nameStart,
                                   int valueStart, int valueEnd) {
        if (valueStart <= nameStart) {
            valueStart = valueEnd + 1;
        }
        String name = decode(encoded, nameStart, valueStart - 1);
        String value = decode(encoded, valueStart, valueEnd);
        if (decoded.putIfAbsent(name, value) != null) {
            Set<String> names = repeated == null ? new HashSet<>() : repeated;
            names.add(name);
            return names;
        }
        return repeated;
    }

    /** One name or value: '+' is a space, runs of percent-escapes are UTF-8. */
    private static String decode(String text, int from, int to) {
        if (to <= from) {
            return "";
        }
        int escaped = from;
        while (escaped < to && text.charAt(escaped) != '%' && text.charAt(escaped) != '+') {
            escaped++;
        }
        if (escaped == to) {
            return text.substring(from, to);
        }
        StringBuilder out = new StringBuilder(to - from).append(text, from, escaped);
        byte[] bytes = new byte[(to - escaped) / 3];
        for (int i = escaped; i < to; i++) {
            char c = text.charAt(i);
            if (c != '%') {
                out.append(c == '+' ? ' ' : c);
                continue;
            }
            int count = 0;
            do {
                if (i + 3 > to) {
                    throw new IllegalArgumentException("unterminated escape sequence");
                }
                bytes[count++] = (byte) (hex(text.charAt(i + 1)) << 4 | hex(text.charAt(i + 2)));
                i += 3;
            } while (i < to && text.charAt(i) == '%');
            i--;
            out.append(new String(bytes, 0, count, StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        throw new IllegalArgumentException("invalid hex digit");
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
