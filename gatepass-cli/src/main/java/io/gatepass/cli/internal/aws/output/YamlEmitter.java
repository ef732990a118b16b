package io.gatepass.cli.internal.aws.output;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;

/**
 * A YAML document as aws v2 writes it (ruamel.yaml's safe dumper over libyaml's emitter): block style, keys sorted,
 * empty collections as {} and [], indentless lists under keys, scalars plain when they read back as the same string,
 * else single-quoted, else double-quoted with escapes, long lines folded at spaces after column 80.
 */
final class YamlEmitter {

    private static final int BEST_INDENT = 2;
    private static final int BEST_WIDTH = 80;

    private final StringBuilder out = new StringBuilder();
    private final Deque<Integer> indents = new ArrayDeque<>();
    private int indent = -1;
    private int column;
    private boolean whitespace = true;
    private boolean indention = true;
    private boolean mappingContext;
    private boolean simpleKeyContext;

    private YamlEmitter() {
    }

    /** The document for a list or structure, ending in a newline. */
    static String document(JsonNode value) {
        YamlEmitter emitter = new YamlEmitter();
        emitter.node(value, false, false);
        emitter.writeIndent();
        return emitter.out.toString();
    }

    private void node(JsonNode value, boolean mapping, boolean simpleKey) {
        mappingContext = mapping;
        simpleKeyContext = simpleKey;
        if (value.isArray()) {
            if (value.isEmpty()) {
                emptyCollection("[", "]");
            } else {
                sequence(value);
            }
        } else if (value.isObject()) {
            if (value.isEmpty()) {
                emptyCollection("{", "}");
            } else {
                mapping(value);
            }
        } else {
            scalar(value);
        }
    }

    private void emptyCollection(String open, String close) {
        writeIndicator(open, true, true, false);
        increaseIndent(true, false);
        indent = indents.pop();
        writeIndicator(close, false, false, false);
    }

    private void sequence(JsonNode list) {
        increaseIndent(false, mappingContext && !indention);
        for (JsonNode item : list) {
            writeIndent();
            writeIndicator("-", true, false, true);
            node(item, false, false);
        }
        indent = indents.pop();
    }

    private void mapping(JsonNode structure) {
        Map<String, JsonNode> sorted = new TreeMap<>(PythonOrder.STRINGS);
        structure.fields().forEachRemaining(field -> sorted.put(field.getKey(), field.getValue()));
        increaseIndent(false, false);
        for (Map.Entry<String, JsonNode> entry : sorted.entrySet()) {
            writeIndent();
            String key = entry.getKey();
            if (isSimpleKey(key)) {
                stringScalar(key, true, true);
                writeIndicator(":", false, false, false);
            } else {
                writeIndicator("?", true, false, true);
                stringScalar(key, true, false);
                writeIndent();
                writeIndicator(":", true, false, true);
            }
            node(entry.getValue(), true, false);
        }
        indent = indents.pop();
    }

    private static boolean isSimpleKey(String key) {
        return !YamlScalarAnalysis.of(key).multiline() && key.getBytes(StandardCharsets.UTF_8).length <= 128;
    }

    private void scalar(JsonNode value) {
        if (value.isTextual()) {
            stringScalar(value.textValue(), mappingContext, simpleKeyContext);
            return;
        }
        String text;
        if (value.isNull() || value.isMissingNode()) {
            text = "null";
        } else if (value.isBoolean()) {
            text = value.booleanValue() ? "true" : "false";
        } else if (value.isIntegralNumber()) {
            text = value.bigIntegerValue().toString();
        } else if (value.isNumber()) {
            double d = value.doubleValue();
            text = Double.isNaN(d) ? ".nan" : Double.isInfinite(d) ? (d > 0 ? ".inf" : "-.inf")
                    : PythonScalars.floatRepr(d).toLowerCase(java.util.Locale.ROOT);
        } else {
            stringScalar(value.asText(), mappingContext, simpleKeyContext);
            return;
        }
        increaseIndent(true, false);
        writePlain(text, true);
        indent = indents.pop();
    }

    private void stringScalar(String value, boolean mapping, boolean simpleKey) {
        mappingContext = mapping;
        simpleKeyContext = simpleKey;
        YamlScalarAnalysis analysis = YamlScalarAnalysis.of(value);
        char style = 'p';
        if (simpleKey && analysis.multiline()) {
            style = '"';
        }
        if (style == 'p' && (!analysis.blockPlainAllowed() || (value.isEmpty() && simpleKey)
                || YamlResolver.resolvesToNonString(value))) {
            style = '\'';
        }
        if (style == '\'' && !analysis.singleQuotedAllowed()) {
            style = '"';
        }
        increaseIndent(true, false);
        boolean allowBreaks = !simpleKey;
        switch (style) {
            case 'p' -> writePlain(value, allowBreaks);
            case '\'' -> writeSingleQuoted(value, allowBreaks);
            default -> writeDoubleQuoted(value, allowBreaks);
        }
        indent = indents.pop();
    }

    private void increaseIndent(boolean flow, boolean indentless) {
        indents.push(indent);
        if (indent < 0) {
            indent = flow ? BEST_INDENT : 0;
        } else if (!indentless) {
            indent += BEST_INDENT;
        }
    }

    private void writeIndent() {
        int target = Math.max(indent, 0);
        if (!indention || column > target || (column == target && !whitespace)) {
            putBreak();
        }
        while (column < target) {
            put(' ');
        }
        whitespace = true;
        indention = true;
    }

    private void writeIndicator(String indicator, boolean needWhitespace, boolean isWhitespace, boolean isIndention) {
        if (needWhitespace && !whitespace) {
            put(' ');
        }
        for (int i = 0; i < indicator.length(); i++) {
            put(indicator.charAt(i));
        }
        whitespace = isWhitespace;
        indention = indention && isIndention;
    }

    private void writePlain(String value, boolean allowBreaks) {
        if (!whitespace && !value.isEmpty()) {
            put(' ');
        }
        boolean spaces = false;
        boolean breaks = false;
        int[] cps = value.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            if (c == ' ') {
                if (allowBreaks && !spaces && column > BEST_WIDTH && !spaceAt(cps, i + 1)) {
                    writeIndent();
                } else {
                    put(c);
                }
                spaces = true;
            } else if (YamlScalarAnalysis.isBreak(c)) {
                if (!breaks && c == '\n') {
                    putBreak();
                }
                writeBreak(c);
                indention = true;
                breaks = true;
            } else {
                if (breaks) {
                    writeIndent();
                }
                put(c);
                indention = false;
                spaces = false;
                breaks = false;
            }
        }
        whitespace = false;
        indention = false;
    }

    private void writeSingleQuoted(String value, boolean allowBreaks) {
        writeIndicator("'", true, false, false);
        boolean spaces = false;
        boolean breaks = false;
        int[] cps = value.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            if (c == ' ') {
                if (allowBreaks && !spaces && column > BEST_WIDTH && i != 0 && i != cps.length - 1
                        && !spaceAt(cps, i + 1)) {
                    writeIndent();
                } else {
                    put(c);
                }
                spaces = true;
            } else if (YamlScalarAnalysis.isBreak(c)) {
                if (!breaks && c == '\n') {
                    putBreak();
                }
                writeBreak(c);
                indention = true;
                breaks = true;
            } else {
                if (breaks) {
                    writeIndent();
                }
                if (c == '\'') {
                    put('\'');
                }
                put(c);
                indention = false;
                spaces = false;
                breaks = false;
            }
        }
        if (breaks) {
            writeIndent();
        }
        writeIndicator("'", false, false, false);
        whitespace = false;
        indention = false;
    }

    private void writeDoubleQuoted(String value, boolean allowBreaks) {
        writeIndicator("\"", true, false, false);
        boolean spaces = false;
        int[] cps = value.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            if (!YamlScalarAnalysis.printable(c) || c == 0xfeff || YamlScalarAnalysis.isBreak(c) || c == '"'
                    || c == '\\') {
                put('\\');
                String escape = switch (c) {
                    case 0x00 -> "0";
                    case 0x07 -> "a";
                    case 0x08 -> "b";
                    case 0x09 -> "t";
                    case 0x0a -> "n";
                    case 0x0b -> "v";
                    case 0x0c -> "f";
                    case 0x0d -> "r";
                    case 0x1b -> "e";
                    case 0x22 -> "\"";
                    case 0x5c -> "\\";
                    case 0x85 -> "N";
                    case 0xa0 -> "_";
                    case 0x2028 -> "L";
                    case 0x2029 -> "P";
                    default -> c <= 0xff ? String.format("x%02X", c)
                            : c <= 0xffff ? String.format("u%04X", c) : String.format("U%08X", c);
                };
                for (int k = 0; k < escape.length(); k++) {
                    put(escape.charAt(k));
                }
                spaces = false;
            } else if (c == ' ') {
                if (allowBreaks && !spaces && column > BEST_WIDTH && i != 0 && i != cps.length - 1) {
                    writeIndent();
                    if (spaceAt(cps, i + 1)) {
                        put('\\');
                    }
                } else {
                    put(c);
                }
                spaces = true;
            } else {
                put(c);
                spaces = false;
            }
        }
        writeIndicator("\"", false, false, false);
        whitespace = false;
        indention = false;
    }

    private static boolean spaceAt(int[] cps, int index) {
        return index < cps.length && cps[index] == ' ';
    }

    private void put(int c) {
        out.appendCodePoint(c);
        column++;
    }

    private void putBreak() {
        out.append('\n');
        column = 0;
    }

    private void writeBreak(int c) {
        if (c == '\n') {
            putBreak();
        } else {
            out.appendCodePoint(c);
            column = 0;
        }
    }
}
