package io.gatepass.cli.aws.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.burt.jmespath.Expression;
import io.burt.jmespath.JmesPathException;
import io.burt.jmespath.jackson.JacksonRuntime;
import io.burt.jmespath.parser.ParseError;
import io.burt.jmespath.parser.ParseException;
import io.gatepass.cli.aws.CliException;

/** --query: a JMESPath expression applied to the response before rendering. */
public final class Query {

    private static JacksonRuntime runtime;

    private final Expression<JsonNode> expression;

    private Query(Expression<JsonNode> expression) {
        this.expression = expression;
    }

    /** Compiles the expression; a bad one fails with {@code CliException.parameter} (exit 252) naming the error. */
    public static Query compile(String expression) {
        if (expression.isEmpty()) {
            throw badValue(expression, "Invalid JMESPath expression: cannot be empty.");
        }
        try {
            return new Query(runtime().compile(expression));
        } catch (ParseException e) {
            ParseError first = e.iterator().hasNext() ? e.iterator().next() : new ParseError("", expression.length());
            throw badValue(expression, QuerySyntaxMessage.describe(expression, first.position(), first.message()));
        } catch (JmesPathException e) {
            throw badValue(expression, e.getMessage());
        }
    }

    /**
     * Applies the expression; a result JMESPath calls null comes back as {@link NullNode}. An expression that fails
     * while evaluating (e.g. a function given the wrong type) fails with {@code CliException.other}, as in aws.
     */
    public JsonNode apply(JsonNode input) {
        try {
            JsonNode result = expression.search(input);
            return result == null ? NullNode.getInstance() : result;
        } catch (JmesPathException e) {
            throw CliException.other(e.getMessage(), e);
        }
    }

    private static synchronized JacksonRuntime runtime() {
        if (runtime == null) {
            runtime = new JacksonRuntime();
        }
        return runtime;
    }

    private static CliException badValue(String expression, String message) {
        return CliException.parameter("Bad value for --query " + expression + ": " + message);
    }
}
