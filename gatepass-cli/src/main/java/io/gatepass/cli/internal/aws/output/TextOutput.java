package io.gatepass.cli.internal.aws.output;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * aws v2's --output text: tab-separated lines; a structure's scalar members on one line in key order (prefixed by
 * the upper-cased name of the member that holds it), its nested members on the following lines.
 */
final class TextOutput {

    private final StringBuilder out = new StringBuilder();

    private TextOutput() {
    }

    static String render(JsonNode value) {
        TextOutput text = new TextOutput();
        text.item(value, null, null);
        return text.out.toString();
    }

    private void item(JsonNode value, String identifier, List<String> scalarKeys) {
        if (value.isObject()) {
            structure(value, identifier, scalarKeys);
        } else if (value.isArray()) {
            list(value, identifier);
        } else {
            out.append(PythonScalars.str(value)).append('\n');
        }
    }

    private void list(JsonNode list, String identifier) {
        if (list.isEmpty()) {
            return;
        }
        boolean anyStructure = false;
        boolean anyList = false;
        for (JsonNode element : list) {
            anyStructure |= element.isObject();
            anyList |= element.isArray();
        }
        if (anyStructure) {
            List<String> keys = scalarKeysOf(list);
            for (JsonNode element : list) {
                item(element, identifier, keys);
            }
        } else if (anyList) {
            List<JsonNode> scalars = new ArrayList<>();
            List<JsonNode> nested = new ArrayList<>();
            for (JsonNode element : list) {
                (element.isContainerNode() ? nested : scalars).add(element);
            }
            if (!scalars.isEmpty()) {
                scalarList(scalars, identifier);
            }
            for (JsonNode element : nested) {
                item(element, identifier, null);
            }
        } else {
            List<JsonNode> scalars = new ArrayList<>();
            list.forEach(scalars::add);
            scalarList(scalars, identifier);
        }
    }

    private void scalarList(List<JsonNode> elements, String identifier) {
        if (identifier != null) {
            for (JsonNode element : elements) {
                out.append(upper(identifier)).append('\t').append(PythonScalars.str(element)).append('\n');
            }
        } else {
            for (int i = 0; i < elements.size(); i++) {
                out.append(i == 0 ? "" : "\t").append(PythonScalars.str(elements.get(i)));
            }
            out.append('\n');
        }
    }

    private void structure(JsonNode structure, String identifier, List<String> scalarKeys) {
        List<String> scalars = new ArrayList<>();
        Map<String, JsonNode> nested = new TreeMap<>(PythonOrder.STRINGS);
        if (scalarKeys == null) {
            Map<String, JsonNode> sorted = new TreeMap<>(PythonOrder.STRINGS);
            structure.fields().forEachRemaining(field -> sorted.put(field.getKey(), field.getValue()));
            sorted.forEach((key, value) -> {
                if (value.isContainerNode()) {
                    nested.put(key, value);
                } else {
                    scalars.add(PythonScalars.str(value));
                }
            });
        } else {
            for (String key : scalarKeys) {
                JsonNode value = structure.get(key);
                scalars.add(value == null ? "" : PythonScalars.str(value));
            }
            structure.fields().forEachRemaining(field -> {
                if (!scalarKeys.contains(field.getKey())) {
                    nested.put(field.getKey(), field.getValue());
                }
            });
        }
        if (!scalars.isEmpty()) {
            if (identifier != null) {
                scalars.add(0, upper(identifier));
            }
            out.append(String.join("\t", scalars)).append('\n');
        }
        nested.forEach((key, value) -> item(value, key, null));
    }

    private static List<String> scalarKeysOf(JsonNode list) {
        TreeSet<String> keys = new TreeSet<>(PythonOrder.STRINGS);
        for (JsonNode element : list) {
            element.fields().forEachRemaining(field -> {
                if (!field.getValue().isContainerNode()) {
                    keys.add(field.getKey());
                }
            });
        }
        return new ArrayList<>(keys);
    }

    private static String upper(String identifier) {
        return identifier.toUpperCase(java.util.Locale.ROOT);
    }
}
