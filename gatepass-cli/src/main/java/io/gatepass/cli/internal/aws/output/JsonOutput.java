package io.gatepass.cli.internal.aws.output;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;

/**
 * JSON as aws v2 prints it: Python's {@code json.dump(value, indent=4, ensure_ascii=False)} followed by a newline.
 */
final class JsonOutput {

    private static final String INDENT = "    ";

    private JsonOutput() {
    }

    static String render(JsonNode value) {
        StringBuilder out = new StringBuilder();
        write(value, 0, out);
        return out.append('\n').toString();
    }

    /** One line, as {@code json.dumps(value, ensure_ascii=False)} without indent (", " and ": " separators). */
    static String compact(JsonNode value) {
        StringBuilder out = new StringBuilder();
        writeCompact(value, out);
        return out.toString();
    }

    private static void write(JsonNode value, int level, StringBuilder out) {
        if (value.isObject()) {
            if (value.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append('{');
            String separator = "\n";
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                out.append(separator).append(INDENT.repeat(level + 1));
                string(field.getKey(), out);
                out.append(": ");
                write(field.getValue(), level + 1, out);
                separator = ",\n";
            }
            out.append('\n').append(INDENT.repeat(level)).append('}');
        } else if (value.isArray()) {
            if (value.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append('[');
            String separator = "\n";
            for (JsonNode element : value) {
                out.append(separator).append(INDENT.repeat(level + 1));
                write(element, level + 1, out);
                separator = ",\n";
            }
            out.append('\n').append(INDENT.repeat(level)).append(']');
        } else {
            scalar(value, out);
        }
    }

    private static void writeCompact(JsonNode value, StringBuilder out) {
        if (value.isObject()) {
            out.append('{');
            String separator = "";
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                out.append(separator);
                string(field.getKey(), out);
                out.append(": ");
                writeCompact(field.getValue(), out);
                separator = ", ";
            }
            out.append('}');
        } else if (value.isArray()) {
            out.append('[');
            String separator = "";
            for (JsonNode element : value) {
                out.append(separator);
                writeCompact(element, out);
                separator = ", ";
            }
            out.append(']');
        } else {
            scalar(value, out);
        }
    }

    static void scalar(JsonNode value, StringBuilder out) {
        if (value.isNull() || value.isMissingNode()) {
            out.append("null");
        } else if (value.isBoolean()) {
            out.append(value.booleanValue() ? "true" : "false");
        } else if (value.isNumber()) {
            if (value.isIntegralNumber()) {
                out.append(value.bigIntegerValue());
            } else {
                double d = value.doubleValue();
                if (Double.isNaN(d)) {
                    out.append("NaN");
                } else if (Double.isInfinite(d)) {
                    out.append(d > 0 ? "Infinity" : "-Infinity");
                } else {
                    out.append(PythonScalars.floatRepr(d));
                }
            }
        } else {
            string(value.asText(), out);
        }
    }

    /** A JSON string with only the escapes Python's encoder makes when ensure_ascii is off. */
    static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
