package io.gatepass.cli.internal.aws.params;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parameter values read from files as aws does: {@code file://path} gives the file's text, {@code fileb://path} its
 * bytes; {@code ~} and {@code $VAR} in the path are expanded. Other values are not files.
 */
public final class ParamFile {

    private static final Pattern VARIABLE = Pattern.compile("\\$(\\w+|\\{[^}]*})");

    private final Path home;
    private final Map<String, String> env;

    public ParamFile(Path home, Map<String, String> env) {
        this.home = home;
        this.env = env;
    }

    /** The file's content (a String for file://, byte[] for fileb://), or null when the value names no file. */
    public Object load(String value) throws ParamFileException {
        if (value.startsWith("file://")) {
            byte[] bytes = read(value, "file://");
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                throw new ParamFileException("Unable to load paramfile (" + path(value, "file://")
                        + "), text contents could not be decoded.  If this is a binary file, please use the "
                        + "fileb:// prefix instead of the file:// prefix.");
            }
        }
        if (value.startsWith("fileb://")) {
            return read(value, "fileb://");
        }
        return null;
    }

    private byte[] read(String value, String prefix) throws ParamFileException {
        String path = path(value, prefix);
        try {
            return Files.readAllBytes(Path.of(path));
        } catch (NoSuchFileException e) {
            throw failure(value, "[Errno 2] No such file or directory: '" + path + "'");
        } catch (AccessDeniedException e) {
            throw failure(value, "[Errno 13] Permission denied: '" + path + "'");
        } catch (IOException e) {
            if (Files.isDirectory(Path.of(path))) {
                throw failure(value, "[Errno 21] Is a directory: '" + path + "'");
            }
            throw failure(value, e.getMessage());
        }
    }

    private static ParamFileException failure(String value, String reason) {
        return new ParamFileException("Unable to load paramfile " + value + ": " + reason);
    }

    private String path(String value, String prefix) {
        String path = value.substring(prefix.length());
        if (path.equals("~") || path.startsWith("~/")) {
            path = home + path.substring(1);
        }
        Matcher matcher = VARIABLE.matcher(path);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1).replace("{", "").replace("}", "");
            String replacement = env.get(name);
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement != null ? replacement : matcher.group()));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** A file parameter that cannot be read; the message is aws's. */
    public static final class ParamFileException extends Exception {
        ParamFileException(String message) {
            super(message);
        }
    }
}
