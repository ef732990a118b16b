package io.gatepass.cli.internal.aws.params;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AWS CLI's shorthand syntax, purely syntactic as in aws v2: {@code Key=a,Value=b}, {@code a=b,c} (a list),
 * {@code k=[a,b]}, {@code k={x=1}}, quoted values and {@code \,} escapes. Values are strings, lists and objects;
 * the model-aware conversion (numbers, booleans, single values to lists) happens afterwards.
 */
public final class Shorthand {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String WHITESPACE = " \t\n\r\u000b\f";
    private static final String KEY_CHARS = "-_.#/:";
    private static final String ESCAPED_COMMA = "(\\\\,)";
    private static final String START_WORD = "\\x21\\x23-\\x26\\x28-\\x2B\\x2D-\\x3C\\x3E-\\x5A\\x5C-\\x7A\\x7C-\\x{FFFF}";
    private static final String FIRST_FOLLOW = "\\s\\x21\\x23-\\x26\\x28-\\x2B\\x2D-\\x5C\\x5E-\\x7C\\x7E-\\x{FFFF}";
    private static final String SECOND_FOLLOW = "\\s\\x21\\x23-\\x26\\x28-\\x2B\\x2D-\\x3C\\x3E-\\x{FFFF}";
    private static final Pattern FIRST_VALUE = Pattern.compile(
            "(" + ESCAPED_COMMA + "|[" + START_WORD + "])(" + ESCAPED_COMMA + "|[" + FIRST_FOLLOW + "])*");
    private static final Pattern SECOND_VALUE = Pattern.compile(
            "(" + ESCAPED_COMMA + "|[" + START_WORD + "])(" + ESCAPED_COMMA + "|[" + SECOND_FOLLOW + "])*");
    private static final Pattern SINGLE_QUOTED = Pattern.compile("'(?:\\\\\\\\|\\\\'|[^'])*'");
    private static final Pattern DOUBLE_QUOTED = Pattern.compile("\"(?:\\\\\\\\|\\\\\"|[^\"])*\"");

    private final String input;
    private int index;

    private Shorthand(String input) {
        this.input = input;
    }

    /** Parses one shorthand value, e.g. {@code Key=a,Value=b}, into an object. */
    public static ObjectNode parse(String value) {
        return new Shorthand(value).parameter();
    }

    private ObjectNode parameter() {
        ObjectNode params = NODES.objectNode();
        String key = key();
        expect('=', true);
        params.set(key, values());
        int lastIndex = index;
        while (index < input.length()) {
            expect(',', true);
            key = key();
            expect('=', true);
            JsonNode value = values();
            if (params.has(key)) {
                throw ShorthandException.duplicateKey(key, input, lastIndex + 1);
            }
            params.set(key, value);
            lastIndex = index;
        }
        return params;
    }

    private String key() {
        int start = index;
        while (!atEof()) {
            char c = input.charAt(index);
            boolean valid = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || KEY_CHARS.indexOf(c) >= 0;
            if (!valid) {
                break;
            }
            index++;
        }
        return input.substring(start, index);
    }

    private JsonNode values() {
        if (atEof()) {
            return TextNode.valueOf("");
        } else if (current() == '[') {
            return explicitList();
        } else if (current() == '{') {
            return hashLiteral();
        }
        return csvValue();
    }

    private JsonNode csvValue() {
        String first = firstValue();
        consumeWhitespace();
        if (atEof() || input.charAt(index) != ',') {
            return TextNode.valueOf(first);
        }
        expect(',', true);
        ArrayNode list = NODES.arrayNode();
        list.add(first);
        while (true) {
            try {
                String current = secondValue();
                consumeWhitespace();
                if (atEof()) {
                    list.add(current);
                    break;
                }
                expect(',', true);
                list.add(current);
            } catch (ShorthandException e) {
                if (atEof()) {
                    throw e;
                }
                backtrackTo(',');
                break;
            }
        }
        return list.size() == 1 ? TextNode.valueOf(first) : list;
    }

    private String value() {
        Matcher matcher = match(FIRST_VALUE);
        if (matcher != null) {
            return rstrip(consume(matcher).replace("\\,", ","));
        }
        return "";
    }

    private ArrayNode explicitList() {
        expect('[', true);
        ArrayNode values = NODES.arrayNode();
        while (current() != ']') {
            values.add(explicitValues());
            consumeWhitespace();
            if (current() != ']') {
                expect(',', false);
                consumeWhitespace();
            }
        }
        expect(']', false);
        return values;
    }

    private JsonNode explicitValues() {
        if (current() == '[') {
            return explicitList();
        } else if (current() == '{') {
            return hashLiteral();
        }
        return TextNode.valueOf(firstValue());
    }

    private ObjectNode hashLiteral() {
        expect('{', true);
        ObjectNode keyvals = NODES.objectNode();
        while (current() != '}') {
            String key = key();
            expect('=', true);
            JsonNode value = explicitValues();
            consumeWhitespace();
            if (current() != '}') {
                expect(',', false);
                consumeWhitespace();
            }
            keyvals.set(key, value);
        }
        expect('}', false);
        return keyvals;
    }

    private String firstValue() {
        if (current() == '\'') {
            return quoted(SINGLE_QUOTED, '\'');
        } else if (current() == '"') {
            return quoted(DOUBLE_QUOTED, '"');
        }
        return value();
    }

    private String secondValue() {
        if (current() == '\'') {
            return quoted(SINGLE_QUOTED, '\'');
        } else if (current() == '"') {
            return quoted(DOUBLE_QUOTED, '"');
        }
        return rstrip(mustConsume(SECOND_VALUE, "second").replace("\\,", ","));
    }

    private String quoted(Pattern pattern, char quote) {
        String raw = mustConsume(pattern, quote == '\'' ? "singled quoted" : "double quoted");
        String value = raw.substring(1, raw.length() - 1);
        return value.replace("\\" + quote, String.valueOf(quote)).replace("\\\\", "\\");
    }

    private void expect(char c, boolean consumeWhitespace) {
        if (consumeWhitespace) {
            consumeWhitespace();
        }
        if (index >= input.length()) {
            throw ShorthandException.syntax(input, String.valueOf(c), "EOF", index);
        }
        char actual = input.charAt(index);
        if (actual != c) {
            throw ShorthandException.syntax(input, String.valueOf(c), String.valueOf(actual), index);
        }
        index++;
        if (consumeWhitespace) {
            consumeWhitespace();
        }
    }

    private Matcher match(Pattern pattern) {
        Matcher matcher = pattern.matcher(input);
        matcher.region(index, input.length());
        return matcher.lookingAt() ? matcher : null;
    }

    private String mustConsume(Pattern pattern, String name) {
        Matcher matcher = match(pattern);
        if (matcher == null) {
            throw ShorthandException.syntax(input, "<" + name + ">", "<none>", index);
        }
        return consume(matcher);
    }

    private String consume(Matcher matcher) {
        String value = input.substring(matcher.start(), matcher.end());
        index = matcher.end();
        return value;
    }

    /** The current character, or -1 at the end. */
    private int current() {
        return index < input.length() ? input.charAt(index) : -1;
    }

    private boolean atEof() {
        return index >= input.length();
    }

    private void backtrackTo(char c) {
        while (index >= 0 && (index >= input.length() || input.charAt(index) != c)) {
            index--;
        }
    }

    private void consumeWhitespace() {
        while (!atEof() && WHITESPACE.indexOf(input.charAt(index)) >= 0) {
            index++;
        }
    }

    private static String rstrip(String value) {
        int end = value.length();
        while (end > 0 && Character.isWhitespace(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end);
    }
}
