package io.gatepass.cli.internal.aws.login;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A gradle.properties file (java.util.Properties syntax) with some properties set: a property already there is
 * rewritten on its own line (continuation lines included), the others are appended under a comment, and every other
 * line, comment and blank line stays as it was.
 */
final class GradleProperties {

    private GradleProperties() {
    }

    /** @param existing the file's text, or null for a new file */
    static String with(String existing, Map<String, String> properties, String comment) {
        String source = existing == null ? "" : existing;
        String newline = source.contains("\r\n") ? "\r\n" : "\n";
        List<String> lines = new ArrayList<>(List.of(source.split("\r?\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        Map<String, String> missing = new LinkedHashMap<>(properties);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int last = i;
            while (!isComment(line) && endsWithContinuation(lines.get(last)) && last + 1 < lines.size()) {
                last++;
            }
            String key = isComment(line) ? null : key(line);
            if (key != null && properties.containsKey(key)) {
                out.add(key + "=" + escape(properties.get(key)));
                missing.remove(key);
            } else {
                out.addAll(lines.subList(i, last + 1));
            }
            i = last;
        }
        if (!missing.isEmpty()) {
            if (!out.isEmpty() && !out.get(out.size() - 1).isBlank()) {
                out.add("");
            }
            out.add("# " + comment);
            missing.forEach((key, value) -> out.add(key + "=" + escape(value)));
        }
        return String.join(newline, out) + newline;
    }

    private static boolean isComment(String line) {
        String stripped = line.stripLeading();
        return stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith("!");
    }

    private static boolean endsWithContinuation(String line) {
        int backslashes = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    /** The key of a property line: up to the first unescaped '=', ':' or white space, escapes resolved. */
    static String key(String line) {
        StringBuilder key = new StringBuilder();
        String text = line.stripLeading();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                key.append(text.charAt(++i));
            } else if (c == '=' || c == ':' || c == ' ' || c == '\t' || c == '\f') {
                break;
            } else {
                key.append(c);
            }
        }
        return key.toString();
    }

    /** A value as Properties.load reads it back: backslashes, leading blanks and non-ASCII escaped. */
    static String escape(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\') {
                out.append("\\\\");
            } else if (c == ' ' && i == 0) {
                out.append("\\ ");
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
