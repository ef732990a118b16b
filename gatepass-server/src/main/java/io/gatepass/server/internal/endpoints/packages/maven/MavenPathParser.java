package io.gatepass.server.internal.endpoints.packages.maven;

import io.gatepass.server.internal.endpoints.packages.maven.MavenPath.ArtifactFile;
import io.gatepass.server.internal.endpoints.packages.maven.MavenPath.MetadataFile;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Reads a path under a Maven repository's endpoint into a {@link MavenPath}. The rules:
 *
 * <ul>
 *   <li>Segments are non-empty and never start with a dot. Group directories use {@code [A-Za-z0-9_-]} (dots in a
 *       groupId become directories), artifactIds {@code [A-Za-z0-9_.-]}, versions and file names also {@code +} and
 *       {@code ~}; a groupId, artifactId, version or file name is at most 255 characters (CodeArtifact's limit).</li>
 *   <li>A name ending in {@code .md5}, {@code .sha1}, {@code .sha256} or {@code .sha512} is that checksum of the file
 *       without the suffix.</li>
 *   <li>{@code maven-metadata.xml} directly under a directory whose name ends with {@code -SNAPSHOT} (with at least a
 *       group and an artifact above it) is that snapshot version's metadata; anywhere else it is the artifact-level
 *       metadata of the last two directories (group-level plugin metadata is not served).</li>
 *   <li>Any other file must be in {@code <group>/<artifactId>/<version>/} and be named
 *       {@code <artifactId>-<version>[-<classifier>].<extension>}; in a snapshot directory {@code <version>} may also
 *       be the timestamped {@code <base>-<yyyyMMdd.HHmmss>-<build>}. The classifier ends at the first dot; the
 *       extension is everything after it.</li>
 * </ul>
 */
public final class MavenPathParser {
    static final int MAX_NAME = 255;

    private MavenPathParser() {
    }

    /**
     * Parses the decoded path segments after {@code /maven/<repository>/}.
     *
     * @throws InvalidMavenPathException saying why the path names no Maven file
     */
    public static MavenPath parse(List<String> segments) {
        if (segments.isEmpty()) {
            throw new InvalidMavenPathException("the path names no file");
        }
        for (String segment : segments) {
            if (segment.isEmpty()) {
                throw new InvalidMavenPathException("the path has an empty segment (a double or trailing '/')");
            }
            if (segment.charAt(0) == '.') {
                throw new InvalidMavenPathException("a path segment starts with '.'");
            }
        }
        String name = segments.get(segments.size() - 1);
        Optional<ChecksumAlgorithm> checksum = ChecksumAlgorithm.ofFileName(name);
        String fileName = checksum.map(c -> name.substring(0, name.length() - c.suffix().length() - 1)).orElse(name);
        if (fileName.equals(MavenPath.METADATA)) {
            return metadata(segments, checksum);
        }
        if (segments.size() < 4) {
            throw new InvalidMavenPathException(
                    "an artifact's path is <group path>/<artifactId>/<version>/<file name>");
        }
        String groupId = groupId(segments.subList(0, segments.size() - 3));
        String artifactId = artifactId(segments.get(segments.size() - 3));
        String version = version(segments.get(segments.size() - 2));
        return artifact(groupId, artifactId, version, fileName, checksum);
    }

    /** Parses a slash-separated path whose segments need no decoding (tests, store asset names). */
    public static MavenPath parse(String path) {
        return parse(List.of(path.split("/", -1)));
    }

    private static MetadataFile metadata(List<String> segments, Optional<ChecksumAlgorithm> checksum) {
        int directories = segments.size() - 1;
        if (directories < 2) {
            throw new InvalidMavenPathException("maven-metadata.xml is served at <group path>/<artifactId>/ and"
                    + " <group path>/<artifactId>/<snapshot version>/");
        }
        String last = segments.get(directories - 1);
        if (directories >= 3 && MavenVersion.isSnapshot(last)) {
            return new MetadataFile(groupId(segments.subList(0, directories - 2)),
                    artifactId(segments.get(directories - 2)), Optional.of(version(last)), checksum);
        }
        return new MetadataFile(groupId(segments.subList(0, directories - 1)),
                artifactId(segments.get(directories - 1)), Optional.empty(), checksum);
    }

    /** Parses the file name of an artifact of {@code groupId:artifactId:version}. */
    public static ArtifactFile artifact(String groupId, String artifactId, String version, String fileName,
                                        Optional<ChecksumAlgorithm> checksum) {
        checkName("file name", fileName, true);
        String prefix = artifactId + "-";
        if (!fileName.startsWith(prefix)) {
            throw new InvalidMavenPathException("the file name " + fileName + " does not start with '" + prefix + "'");
        }
        String rest = fileName.substring(prefix.length());
        Optional<SnapshotBuild> build = Optional.empty();
        String afterVersion;
        if (rest.startsWith(version)) {
            afterVersion = rest.substring(version.length());
        } else if (MavenVersion.isSnapshot(version) && rest.startsWith(MavenVersion.snapshotBase(version) + "-")) {
            String stamped = rest.substring(MavenVersion.snapshotBase(version).length() + 1);
            Matcher matcher = SnapshotBuild.PREFIX.matcher(stamped);
            if (!matcher.lookingAt() || !SnapshotBuild.isTimestamp(matcher.group(1))) {
                throw new InvalidMavenPathException("the file name " + fileName + " names neither " + version
                        + " nor a timestamped build of it (" + MavenVersion.snapshotBase(version)
                        + "-yyyyMMdd.HHmmss-N)");
            }
            build = Optional.of(new SnapshotBuild(matcher.group(1), Integer.parseInt(matcher.group(2))));
            afterVersion = stamped.substring(matcher.end());
        } else {
            throw new InvalidMavenPathException("the file name " + fileName + " does not name version " + version
                    + " ('" + prefix + version + "...')");
        }
        String classifier;
        String extension;
        if (afterVersion.startsWith(".")) {
            classifier = "";
            extension = afterVersion.substring(1);
        } else if (afterVersion.startsWith("-") && afterVersion.indexOf('.') > 1) {
            classifier = afterVersion.substring(1, afterVersion.indexOf('.'));
            extension = afterVersion.substring(afterVersion.indexOf('.') + 1);
        } else {
            throw new InvalidMavenPathException("the file name " + fileName
                    + " has no extension after the version and classifier ('-<classifier>.<extension>')");
        }
        if (extension.isEmpty() || extension.startsWith(".") || extension.endsWith(".")
                || extension.contains("..")) {
            throw new InvalidMavenPathException("the file name " + fileName
                    + " has an empty part in its extension");
        }
        return new ArtifactFile(groupId, artifactId, version, fileName, classifier, extension, build, checksum);
    }

    private static String groupId(List<String> directories) {
        if (directories.isEmpty()) {
            throw new InvalidMavenPathException("the path has no groupId directories");
        }
        for (String directory : directories) {
            for (int i = 0; i < directory.length(); i++) {
                char c = directory.charAt(i);
                if (!(isAlphanumeric(c) || c == '_' || c == '-')) {
                    throw new InvalidMavenPathException("the group directory " + printable(directory)
                            + " has a character other than letters, digits, '_' and '-'");
                }
            }
        }
        String groupId = String.join(".", directories);
        if (groupId.length() > MAX_NAME) {
            throw new InvalidMavenPathException("the groupId is longer than " + MAX_NAME + " characters");
        }
        return groupId;
    }

    private static String artifactId(String segment) {
        return checkName("artifactId", segment, false);
    }

    private static String version(String segment) {
        return checkName("version", segment, true);
    }

    private static String checkName(String what, String value, boolean plusAndTilde) {
        if (value.length() > MAX_NAME) {
            throw new InvalidMavenPathException("the " + what + " is longer than " + MAX_NAME + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(isAlphanumeric(c) || c == '_' || c == '-' || c == '.' || plusAndTilde && (c == '+' || c == '~'))) {
                String allowed = plusAndTilde ? "'_', '-', '.', '+' and '~'" : "'_', '-' and '.'";
                throw new InvalidMavenPathException("the " + what + " " + printable(value)
                        + " has a character other than letters, digits, " + allowed);
            }
        }
        return value;
    }

    private static boolean isAlphanumeric(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    /** Quoted, with anything unprintable escaped, and shortened (paths are client input). */
    private static String printable(String value) {
        StringBuilder out = new StringBuilder("'");
        for (int i = 0; i < value.length() && i < 80; i++) {
            char c = value.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return out.append(value.length() > 80 ? "...'" : "'").toString();
    }
}
