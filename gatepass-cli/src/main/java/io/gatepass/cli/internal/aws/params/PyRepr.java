package io.gatepass.cli.internal.aws.params;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;

/** Python's repr() and type names for parameter values, as botocore's validation messages print them. */
final class PyRepr {

    private PyRepr() {
    }

    static String repr(JsonNode node) {
        if (node == null || node.isNull()) {
            return "None";
        } else if (node.isTextual()) {
            return string(node.asText());
        } else if (node.isBoolean()) {
            return node.asBoolean() ? "True" : "False";
        } else if (node.isNumber()) {
            return node.asText();
        } else if (node.isBinary()) {
            return "b'...'";
        } else if (node.isArray()) {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < node.size(); i++) {
                out.append(i > 0 ? ", " : "").append(repr(node.get(i)));
            }
            return out.append(']').toString();
        }
        StringBuilder out = new StringBuilder("{");
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        boolean first = true;
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            out.append(first ? "" : ", ").append(string(field.getKey())).append(": ").append(repr(field.getValue()));
            first = false;
        }
        return out.append('}').toString();
    }

    static String type(JsonNode node) {
        if (node == null || node.isNull()) {
            return "<class 'NoneType'>";
        } else if (node.isTextual()) {
            return "<class 'str'>";
        } else if (node.isBoolean()) {
            return "<class 'bool'>";
        } else if (node.isIntegralNumber()) {
            return "<class 'int'>";
        } else if (node.isNumber()) {
            return "<class 'float'>";
        } else if (node.isBinary()) {
            return "<class 'bytes'>";
        } else if (node.isArray()) {
            return "<class 'list'>";
        }
        return "<class 'dict'>";
    }

    private static String string(String value) {
        char quote = value.contains("'") && !value.contains("\"") ? '"' : '\'';
        StringBuilder out = new StringBuilder().append(quote);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c == quote) {
                        out.append('\\');
                    }
                    out.append(c);
                }
            }
        }
        return out.append(quote).toString();
    }
}
