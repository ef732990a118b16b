package io.gatepass.cli.internal.aws.output;

import java.util.regex.Pattern;

/**
 * Whether a string, written plain, would read back as something other than a string under YAML 1.2 (the implicit
 * types of ruamel.yaml's resolver, which aws v2 uses): then the emitter must quote it.
 */
final class YamlResolver {

    private static final Pattern BOOL = Pattern.compile("(?:true|True|TRUE|false|False|FALSE)");
    private static final Pattern FLOAT = Pattern.compile("(?:[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+]?[0-9]+)?"
            + "|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)"
            + "|[-+]?\\.[0-9_]+(?:[eE][-+][0-9]+)?"
            + "|[-+]?\\.(?:inf|Inf|INF)"
            + "|\\.(?:nan|NaN|NAN))");
    private static final Pattern INT = Pattern.compile("(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+"
            + "|[-+]?0x[0-9a-fA-F_]+)");
    private static final Pattern NULL = Pattern.compile("(?:~|null|Null|NULL|)");
    private static final Pattern TIMESTAMP = Pattern.compile("(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
            + "|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \\t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9]"
            + "(?:\\.[0-9]*)?(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)");

    private YamlResolver() {
    }

    /** True when the plain string would resolve to a non-string type (bool, int, float, null, timestamp, ...). */
    static boolean resolvesToNonString(String value) {
        String text = value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
        if (value.isEmpty()) {
            return true;
        }
        char first = value.charAt(0);
        if ("tTfF".indexOf(first) >= 0 && BOOL.matcher(text).matches()) {
            return true;
        }
        if ("-+0123456789.".indexOf(first) >= 0 && FLOAT.matcher(text).matches()) {
            return true;
        }
        if ("-+0123456789".indexOf(first) >= 0 && INT.matcher(text).matches()) {
            return true;
        }
        if (first == '<' && text.equals("<<")) {
            return true;
        }
        if ("~nN".indexOf(first) >= 0 && NULL.matcher(text).matches()) {
            return true;
        }
        if (first >= '0' && first <= '9' && TIMESTAMP.matcher(text).matches()) {
            return true;
        }
        if (first == '=' && text.equals("=")) {
            return true;
        }
        return "!&*".indexOf(first) >= 0 && text.length() == 1;
    }
}
