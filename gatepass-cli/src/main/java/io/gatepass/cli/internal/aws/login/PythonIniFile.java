package io.gatepass.cli.internal.aws.login;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An INI file read and written exactly as Python's {@code configparser.RawConfigParser} does with its defaults, which
 * is how aws rewrites ~/.pypirc: option names lower-cased, "#"/";" comment lines dropped, indented lines continuing
 * a value, "key = value" on output with continuation lines indented by a tab, the DEFAULT section first.
 */
final class PythonIniFile {

    private static final String DEFAULT_SECTION = "DEFAULT";
    private static final Pattern SECTION = Pattern.compile("\\[(?<header>.+)]");
    private static final Pattern OPTION = Pattern.compile("(?<option>.*?)\\s*(?<vi>[=:])\\s*(?<value>.*)$");

    /** A file Python would refuse to read, or a lookup Python would fail; the message is Python's. */
    static final class IniException extends Exception {
        IniException(String message) {
            super(message);
        }
    }

    private final Map<String, String> defaults = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> sections = new LinkedHashMap<>();

    static PythonIniFile parse(String text, String fileName) throws IniException {
        PythonIniFile ini = new PythonIniFile();
        Map<String, List<String>> current = null;
        Map<String, Map<String, List<String>>> raw = new LinkedHashMap<>();
        Map<String, List<String>> rawDefaults = new LinkedHashMap<>();
        String sectionName = null;
        String optionName = null;
        int indentLevel = 0;
        StringBuilder parsingErrors = null;
        String[] lines = text.split("\r\n|\r|\n", -1);
        int count = text.isEmpty() || text.endsWith("\n") || text.endsWith("\r") ? lines.length - 1 : lines.length;
        for (int index = 0; index < count; index++) {
            int lineNumber = index + 1;
            String line = lines[index];
            // The line as Python iterates it: with its line break (read through universal newlines), if it had one.
            String pythonLine = index + 1 < lines.length ? line + "\n" : line;
            String stripped = line.strip();
            boolean comment = stripped.startsWith("#") || stripped.startsWith(";");
            String value = comment ? "" : stripped;
            if (value.isEmpty()) {
                if (!comment && current != null && optionName != null && current.get(optionName) != null) {
                    current.get(optionName).add("");
                }
                continue;
            }
            int indent = firstNonSpace(line);
            if (current != null && optionName != null && indent > indentLevel) {
                current.get(optionName).add(value);
                continue;
            }
            indentLevel = indent;
            Matcher section = SECTION.matcher(value);
            if (section.lookingAt()) {
                sectionName = section.group("header");
                if (raw.containsKey(sectionName)) {
                    throw new IniException("While reading from " + repr(fileName) + " [line " + lineNumber(lineNumber)
                            + "]: section " + repr(sectionName) + " already exists");
                }
                if (sectionName.equals(DEFAULT_SECTION)) {
                    current = rawDefaults;
                } else {
                    current = new LinkedHashMap<>();
                    raw.put(sectionName, current);
                }
                optionName = null;
            } else if (current == null) {
                throw new IniException("File contains no section headers.\nfile: " + repr(fileName) + ", line: "
                        + lineNumber + "\n" + repr(pythonLine));
            } else {
                Matcher option = OPTION.matcher(value);
                if (option.matches()) {
                    optionName = option.group("option").stripTrailing().toLowerCase(Locale.ROOT);
                    if (current.containsKey(optionName)) {
                        throw new IniException("While reading from " + repr(fileName) + " [line "
                                + lineNumber(lineNumber) + "]: option " + repr(optionName) + " in section "
                                + repr(sectionName) + " already exists");
                    }
                    current.put(optionName, new ArrayList<>(List.of(option.group("value").strip())));
                } else {
                    if (parsingErrors == null) {
                        parsingErrors = new StringBuilder("Source contains parsing errors: " + repr(fileName));
                    }
                    parsingErrors.append("\n\t[line ").append(lineNumber(lineNumber)).append("]: ")
                            .append(repr(pythonLine));
                }
            }
        }
        if (parsingErrors != null) {
            throw new IniException(parsingErrors.toString());
        }
        rawDefaults.forEach((name, parts) -> ini.defaults.put(name, join(parts)));
        raw.forEach((name, options) -> {
            Map<String, String> joined = new LinkedHashMap<>();
            options.forEach((option, parts) -> joined.put(option, join(parts)));
            ini.sections.put(name, joined);
        });
        return ini;
    }

    static PythonIniFile empty() {
        return new PythonIniFile();
    }

    boolean hasSection(String name) {
        return sections.containsKey(name);
    }

    void addSection(String name) {
        sections.put(name, new LinkedHashMap<>());
    }

    String get(String section, String option) throws IniException {
        Map<String, String> values = sections.get(section);
        if (values == null) {
            throw new IniException("No section: " + repr(section));
        }
        String key = option.toLowerCase(Locale.ROOT);
        String value = values.containsKey(key) ? values.get(key) : defaults.get(key);
        if (value == null) {
            throw new IniException("No option " + repr(key) + " in section: " + repr(section));
        }
        return value;
    }

    void set(String section, String option, String value) throws IniException {
        Map<String, String> values = section.equals(DEFAULT_SECTION) ? defaults : sections.get(section);
        if (values == null) {
            throw new IniException("No section: " + repr(section));
        }
        values.put(option.toLowerCase(Locale.ROOT), value);
    }

    /** The file as RawConfigParser.write produces it. */
    String write() {
        StringBuilder out = new StringBuilder();
        if (!defaults.isEmpty()) {
            writeSection(out, DEFAULT_SECTION, defaults);
        }
        sections.forEach((name, values) -> writeSection(out, name, values));
        return out.toString();
    }

    private static void writeSection(StringBuilder out, String name, Map<String, String> values) {
        out.append('[').append(name).append("]\n");
        values.forEach((key, value) -> out.append(key).append(" = ").append(value.replace("\n", "\n\t")).append('\n'));
        out.append('\n');
    }

    private static String join(List<String> parts) {
        return String.join("\n", parts).stripTrailing();
    }

    private static int firstNonSpace(String line) {
        int i = 0;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String lineNumber(int number) {
        return String.format("%2d", number);
    }

    /** Python's repr of a str, enough for file names, section names and lines. */
    static String repr(String text) {
        String quote = text.contains("'") && !text.contains("\"") ? "\"" : "'";
        StringBuilder out = new StringBuilder(quote);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (String.valueOf(c).equals(quote)) {
                        out.append('\\');
                    }
                    out.append(c);
                }
            }
        }
        return out.append(quote).toString();
    }
}
