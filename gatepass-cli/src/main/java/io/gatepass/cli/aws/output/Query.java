package io.gatepass.cli.aws.output;

import com.fasterxml.jackson.databind.JsonNode;

/** --query: a JMESPath expression applied to the response before rendering. */
public final class Query {

    private Query() {
    }

    /** Compiles the expression; a bad one fails with {@code CliException.parameter} (exit 252) naming the error. */
    public static Query compile(String expression) {
        throw new UnsupportedOperationException("not built yet");
    }

    public JsonNode apply(JsonNode input) {
        throw new UnsupportedOperationException("not built yet");
    }
}
