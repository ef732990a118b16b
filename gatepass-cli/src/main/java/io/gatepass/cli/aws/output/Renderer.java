package io.gatepass.cli.aws.output;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Renders a response (already projected by --query, timestamps already as aws v2 prints them) exactly as aws v2
 * prints it, byte for byte, in each --output format.
 */
public final class Renderer {

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
        throw new UnsupportedOperationException("not built yet");
    }
}
