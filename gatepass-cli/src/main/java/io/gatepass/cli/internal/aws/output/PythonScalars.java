package io.gatepass.cli.internal.aws.output;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Scalars spelled as Python's {@code str()} and {@code repr()} spell them, which is what aws v2 prints. */
final class PythonScalars {

    private PythonScalars() {
    }

    /** Python's {@code str(value)} for a JSON scalar: {@code None}, {@code True}, {@code 1.0}, the string itself. */
    static String str(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "None";
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? "True" : "False";
        }
        if (value.isNumber()) {
            return number(value);
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        return repr(value);
    }

    /** Python's {@code repr()} of a JSON value, e.g. {@code ['a', 1, None]} or {@code {'k': True}}. */
    static String repr(JsonNode value) {
        if (value.isTextual()) {
            return stringRepr(value.textValue());
        }
        if (value.isArray()) {
            StringBuilder out = new StringBuilder("[");
            for (JsonNode element : value) {
                out.append(out.length() > 1 ? ", " : "").append(repr(element));
            }
            return out.append(']').toString();
        }
        if (value.isObject()) {
            StringBuilder out = new StringBuilder("{");
            value.fields().forEachRemaining(field -> out.append(out.length() > 1 ? ", " : "")
                    .append(stringRepr(field.getKey())).append(": ").append(repr(field.getValue())));
            return out.append('}').toString();
        }
        return str(value);
    }

    private static String stringRepr(String text) {
        char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder().append(quote);
        text.codePoints().forEach(c -> {
            if (c == quote || c == '\\') {
                out.append('\\').appendCodePoint(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append(quote).toString();
    }

    /** A number as Python prints it: integers in full, floats with {@code repr} ({@code 1.0}, {@code 1e-05}). */
    static String number(JsonNode value) {
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue().toString();
        }
        return floatRepr(value.doubleValue());
    }

    /** Python's {@code repr(float)}: the shortest round-tripping digits, exponent form outside 1e-4 .. 1e16. */
    static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortest(Math.abs(d));
        String digits = shortest.unscaledValue().toString();
        int decpt = digits.length() - shortest.scale();
        StringBuilder out = new StringBuilder(d < 0 ? "-" : "");
        if (decpt > -4 && decpt <= 16) {
            if (decpt <= 0) {
                out.append("0.").append("0".repeat(-decpt)).append(digits);
            } else if (decpt >= digits.length()) {
                out.append(digits).append("0".repeat(decpt - digits.length())).append(".0");
            } else {
                out.append(digits, 0, decpt).append('.').append(digits, decpt, digits.length());
            }
        } else {
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            int exponent = decpt - 1;
            out.append('e').append(exponent < 0 ? '-' : '+');
            int abs = Math.abs(exponent);
            out.append(abs < 10 ? "0" + abs : String.valueOf(abs));
        }
        return out.toString();
    }

    /** The fewest significant digits, rounded from the exact binary value, that read back as the same double. */
    private static BigDecimal shortest(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == d) {
                return candidate.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }
}
