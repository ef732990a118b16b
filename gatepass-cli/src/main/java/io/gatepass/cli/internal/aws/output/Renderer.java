package io.gatepass.cli.internal.aws.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * Renders a response (already projected by --query, timestamps already as aws v2 prints them) exactly as aws v2
 * prints it, byte for byte, in each --output format.
 */
public final class Renderer {

    /** The width aws v2 assumes when stdout is not a terminal. */
    public static final int DEFAULT_TERMINAL_WIDTH = 80;

    private Renderer() {
    }

    /**
     * @param value     the response or query result
     * @param format    the output format
     * @param operation the operation name, e.g. "GetComputeAuthToken" (the table title)
     * @param color     whether to colour (table output)
     * @return what aws v2 prints on stdout, including the final newline (empty when aws prints nothing)
     */
    public static String render(JsonNode value, OutputFormat format, String operation, boolean color) {
        return render(value, format, operation, color, DEFAULT_TERMINAL_WIDTH);
    }

    /**
     * As {@link #render(JsonNode, OutputFormat, String, boolean)}, with the terminal's width (columns) for tables;
     * aws v2 uses 80 when stdout is not a terminal.
     */
    public static String render(JsonNode value, OutputFormat format, String operation, boolean color,
                                int terminalWidth) {
        JsonNode node = value == null ? NullNode.getInstance() : value;
        boolean emptyResponse = node.isObject() && node.isEmpty();
        return switch (format) {
            case JSON -> emptyResponse ? "" : JsonOutput.render(node);
            case TEXT -> TextOutput.render(node);
            case TABLE -> table(node, operation, color, terminalWidth);
            case YAML -> emptyResponse ? "" : yaml(node);
            case YAML_STREAM -> emptyResponse ? "" : YamlEmitter.document(
                    com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode().add(node));
            default -> throw new UnsupportedOperationException("not built yet: " + format);
        };
    }

    private static String table(JsonNode node, String operation, boolean color, int terminalWidth) {
        TableBuilder builder = new TableBuilder();
        if (!builder.build(operation, node, 0)) {
            return "";
        }
        return TableWriter.render(builder.sections, color, terminalWidth);
    }

    /** YAML for a list or structure; a bare scalar prints as JSON on one line, as aws does. */
    private static String yaml(JsonNode node) {
        if (!node.isContainerNode()) {
            return JsonOutput.compact(node) + "\n";
        }
        return YamlEmitter.document(node);
    }
}
