package io.gatepass.cli.internal.aws.params;

import io.gatepass.cli.internal.aws.CliException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file a streaming input sends (publish-package-version's {@code --asset-content}), named as aws names it: a plain
 * path, {@code $VAR} / {@code ${VAR}} and then a leading {@code ~} expanded, that must be a regular file. A
 * {@code file://} or {@code fileb://} value is loaded first as for any option, so its content would have to be the
 * path; aws's help says not to use them. Anything else is aws's
 * "Error parsing parameter '--asset-content': Blob values must be a path to a file." (exit 252).
 */
public final class StreamingInputFile {

    private static final Pattern VARIABLE = Pattern.compile("\\$(\\w+|\\{[^}]*})");

    private StreamingInputFile() {
    }

    /**
     * @param option the option's name, e.g. "--asset-content", for the error message
     * @param value  the option's value as given
     */
    public static Path resolve(String option, String value, ParamFile files, Path home, Map<String, String> env) {
        String path = value;
        try {
            Object loaded = files.load(value);
            if (loaded instanceof byte[] bytes) {
                path = new String(bytes, StandardCharsets.UTF_8);
            } else if (loaded != null) {
                path = (String) loaded;
            }
        } catch (ParamFile.ParamFileException e) {
            throw CliException.invalidParameter("Error parsing parameter '" + option + "': " + e.getMessage());
        }
        path = expandUser(expandVariables(path, env), home);
        try {
            Path file = Path.of(path);
            if (Files.isRegularFile(file)) {
                return file;
            }
        } catch (InvalidPathException e) {
            // not a path at all: the same error as a missing file
        }
        throw CliException.invalidParameter("Error parsing parameter '" + option
                + "': Blob values must be a path to a file.");
    }

    /** Python's os.path.expandvars: variables that are set are replaced, others left as they are. */
    private static String expandVariables(String path, Map<String, String> env) {
        Matcher matcher = VARIABLE.matcher(path);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1).replace("{", "").replace("}", "");
            String replacement = env.get(name);
            String value = replacement != null ? replacement : matcher.group();
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** Python's os.path.expanduser for the current user: "~" and "~/..." start at the home directory. */
    private static String expandUser(String path, Path home) {
        if (path.equals("~") || path.startsWith("~/")) {
            return home + path.substring(1);
        }
        return path;
    }
}
