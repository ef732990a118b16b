package io.gatepass.server.internal.endpoints.packages.pypi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * What a path below a PyPI repository endpoint names. The path is the raw (percent-encoded) part after
 * {@code .../pypi/<repo>/}; a leading slash is ignored.
 *
 * <pre>
 *   ""  or  legacy/                          the repository root, where twine POSTs uploads
 *   simple/                                  the project list
 *   simple/&lt;project&gt;/                        a project's page (non-normalized names redirect to the normalized one)
 *   simple/&lt;project&gt;/&lt;version&gt;/&lt;filename&gt;     a file, as CodeArtifact lays them out
 * </pre>
 */
public sealed interface PypiPath {

    /** The repository root: the upload target. */
    record RepositoryRoot() implements PypiPath {
    }

    /** {@code simple/}: every project in the repository. */
    record ProjectList() implements PypiPath {
    }

    /** {@code simple/<project>/}, the name already normalized. */
    record ProjectPage(String project) implements PypiPath {
    }

    /** A distribution file; {@code project} normalized, {@code version} and {@code filename} decoded. */
    record ProjectFile(String project, String version, String filename) implements PypiPath {
    }

    /** The canonical place of what was asked for, relative to the request's own URL (for a 301). */
    record Redirect(String location) implements PypiPath {
    }

    /** Nothing the PyPI format serves. */
    record Unknown() implements PypiPath {
    }

    static PypiPath parse(String rawPath) {
        String path = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        if (path.isEmpty() || path.equals("legacy/") || path.equals("legacy")) {
            return new RepositoryRoot();
        }
        if (path.equals("simple")) {
            return new Redirect("simple/");
        }
        if (!path.startsWith("simple/")) {
            return new Unknown();
        }
        String rest = path.substring("simple/".length());
        if (rest.isEmpty()) {
            return new ProjectList();
        }
        String[] segments = rest.split("/", -1);
        Optional<String> project = decode(segments[0]).filter(ProjectNames::isValid);
        if (project.isEmpty()) {
            return new Unknown();
        }
        String normalized = ProjectNames.normalize(project.get());
        if (segments.length == 1) {
            return new Redirect(PathSegments.encode(normalized) + "/");
        }
        if (segments.length == 2 && segments[1].isEmpty()) {
            return normalized.equals(project.get()) ? new ProjectPage(normalized)
                    : new Redirect("../" + PathSegments.encode(normalized) + "/");
        }
        if (segments.length == 3) {
            Optional<String> version = decode(segments[1]).filter(PypiPath::isPlainSegment);
            Optional<String> filename = decode(segments[2]).filter(PypiPath::isPlainSegment);
            if (version.isPresent() && filename.isPresent()) {
                return new ProjectFile(normalized, version.get(), filename.get());
            }
        }
        return new Unknown();
    }

    private static boolean isPlainSegment(String segment) {
        return !segment.isEmpty() && !segment.equals(".") && !segment.equals("..") && segment.indexOf('/') < 0
                && segment.indexOf('\\') < 0 && segment.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }

    /** Percent-decoding of one path segment as UTF-8; empty when malformed. {@code +} stays {@code +}. */
    private static Optional<String> decode(String segment) {
        if (segment.indexOf('%') < 0) {
            return Optional.of(segment);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%') {
                if (i + 2 >= segment.length()) {
                    return Optional.empty();
                }
                int high = Character.digit(segment.charAt(i + 1), 16);
                int low = Character.digit(segment.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return Optional.empty();
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
