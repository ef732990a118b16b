package io.gatepass.cli.internal.aws.output;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatepass.cli.internal.aws.CliException;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Lays a response out in table sections as aws v2 does: a structure's scalar members as one row under sorted headers
 * (or a key/value row when it has one), its nested members as indented sub-sections, lists of structures as rows.
 */
final class TableBuilder {

    final List<TableSection> sections = new ArrayList<>();
    private TableSection current;

    /** @return false when aws prints nothing (the value is empty, null, false, zero or "") */
    boolean build(String title, JsonNode value, int indentLevel) {
        if (falsy(value)) {
            return false;
        }
        if (title != null) {
            newSection(title, indentLevel);
        }
        if (value.isArray()) {
            if (value.get(0).isObject()) {
                listOfStructures(value, indentLevel, title);
            } else {
                for (JsonNode item : value) {
                    if (!item.isContainerNode()) {
                        row(List.of(PythonScalars.str(item)));
                    } else if (allScalar(item)) {
                        row(cellsOf(item));
                    } else {
                        build(null, item, 0);
                    }
                }
            }
        }
        if (value.isObject()) {
            structure(value, indentLevel);
        }
        return true;
    }

    private void structure(JsonNode value, int indentLevel) {
        List<String> headers = new ArrayList<>();
        List<String> more = new ArrayList<>();
        split(value, headers, more);
        if (headers.size() == 1) {
            row(List.of(headers.get(0), PythonScalars.str(value.get(headers.get(0)))));
        } else if (!headers.isEmpty()) {
            section().header(headers);
            row(headers.stream().map(key -> PythonScalars.str(value.get(key))).toList());
        }
        for (String key : more) {
            build(key, value.get(key), indentLevel + 1);
        }
    }

    private void listOfStructures(JsonNode list, int indentLevel, String title) {
        TreeSet<String> headerSet = new TreeSet<>(PythonOrder.STRINGS);
        TreeSet<String> moreSet = new TreeSet<>(PythonOrder.STRINGS);
        for (JsonNode item : list) {
            List<String> headers = new ArrayList<>();
            List<String> more = new ArrayList<>();
            split(item, headers, more);
            headerSet.addAll(headers);
            moreSet.addAll(more);
        }
        List<String> headers = new ArrayList<>(headerSet);
        section().header(headers);
        boolean first = true;
        for (JsonNode element : list) {
            if (!element.isObject()) {
                throw CliException.other("'" + pythonType(element) + "' object has no attribute 'get'", null);
            }
            if (!first && !moreSet.isEmpty()) {
                newSection(title, indentLevel);
                section().header(headers);
            }
            first = false;
            row(headers.stream().map(key -> element.has(key) ? PythonScalars.str(element.get(key)) : "").toList());
            for (String key : moreSet) {
                if (element.has(key)) {
                    build(key, element.get(key), indentLevel + 1);
                }
            }
        }
    }

    private static void split(JsonNode structure, List<String> headers, List<String> more) {
        structure.fields().forEachRemaining(field -> (field.getValue().isContainerNode() ? more : headers)
                .add(field.getKey()));
        headers.sort(PythonOrder.STRINGS);
        more.sort(PythonOrder.STRINGS);
    }

    private static boolean allScalar(JsonNode item) {
        if (item.isObject()) {
            return true;
        }
        for (JsonNode element : item) {
            if (element.isContainerNode()) {
                return false;
            }
        }
        return true;
    }

    private static List<String> cellsOf(JsonNode item) {
        List<String> cells = new ArrayList<>();
        if (item.isObject()) {
            item.fieldNames().forEachRemaining(cells::add);
        } else {
            item.forEach(element -> cells.add(PythonScalars.str(element)));
        }
        return cells;
    }

    private void newSection(String title, int indentLevel) {
        current = new TableSection();
        current.title = title;
        current.indentLevel = indentLevel;
        sections.add(current);
    }

    private TableSection section() {
        if (current == null) {
            throw CliException.other("'NoneType' object has no attribute 'add_header'", null);
        }
        return current;
    }

    private void row(List<String> cells) {
        if (current == null) {
            throw CliException.other("'NoneType' object has no attribute 'add_row'", null);
        }
        current.row(cells);
    }

    private static boolean falsy(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return true;
        }
        if (value.isContainerNode()) {
            return value.isEmpty();
        }
        if (value.isBoolean()) {
            return !value.booleanValue();
        }
        if (value.isNumber()) {
            return value.doubleValue() == 0;
        }
        return value.asText().isEmpty();
    }

    private static String pythonType(JsonNode value) {
        if (value.isTextual()) {
            return "str";
        }
        if (value.isBoolean()) {
            return "bool";
        }
        if (value.isIntegralNumber()) {
            return "int";
        }
        if (value.isNumber()) {
            return "float";
        }
        return value.isArray() ? "list" : "NoneType";
    }
}
