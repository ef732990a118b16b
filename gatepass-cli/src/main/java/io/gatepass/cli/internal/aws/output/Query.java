package io.gatepass.cli.internal.aws.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.burt.jmespath.Expression;
import io.burt.jmespath.JmesPathException;
import io.burt.jmespath.jackson.JacksonRuntime;
import io.burt.jmespath.parser.ParseError;
import io.burt.jmespath.parser.ParseException;
import io.gatepass.cli.internal.aws.CliException;

/**
 * --query: a JMESPath expression applied to the response before rendering. The most common form, a field or a chain
 * of fields ({@code authorizationToken}, {@code domain.name}), is evaluated directly, sparing a start-up the JMESPath
 * parser; everything else goes to the JMESPath library.
 */
public final class Query {

    private static JacksonRuntime runtime;

    private final Expression<JsonNode> expression;
    private final String[] fields;

    private Query(Expression<JsonNode> expression, String[] fields) {
        this.expression = expression;
        this.fields = fields;
    }

    /** Compiles the expression; a bad one fails with {@code CliException.parameter} (exit 252) naming the error. */
    public static Query compile(String expression) {
        if (expression.isEmpty()) {
            throw badValue(expression, "Invalid JMESPath expression: cannot be empty.");
        }
        String[] fields = fieldChain(expression);
        if (fields != null) {
            return new Query(null, fields);
        }
        try {
            return new Query(runtime().compile(expression), null);
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
        if (fields != null) {
            JsonNode node = input;
            for (String field : fields) {
                node = node != null && node.isObject() ? node.get(field) : null;
            }
            return node == null ? NullNode.getInstance() : node;
        }
        try {
            JsonNode result = expression.search(input);
            return result == null ? NullNode.getInstance() : result;
        } catch (JmesPathException e) {
            throw CliException.other(e.getMessage(), e);
        }
    }

    /**
     * The fields of an expression made only of unquoted identifiers joined by dots ({@code a}, {@code a.b_c}), or null
     * for any other expression. JMESPath gives such a chain null as soon as a value is not an object.
     */
    static String[] fieldChain(String expression) {
        String[] fields = expression.split("\\.", -1);
        for (String field : fields) {
            if (field.isEmpty() || !isIdentifierStart(field.charAt(0))) {
                return null;
            }
            for (int i = 1; i < field.length(); i++) {
                if (!isIdentifierStart(field.charAt(i)) && !(field.charAt(i) >= '0' && field.charAt(i) <= '9')) {
                    return null;
                }
            }
        }
        return fields;
    }

    private static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
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
