package io.gatepass.server.internal.endpoints.packages.maven;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One deployment of a snapshot: {@code lib-1.0-20261206.101500-3.jar} is build 3 of {@code 1.0-SNAPSHOT}, deployed at
 * 2026-12-06 10:15:00 UTC. Maven numbers builds 1, 2, 3... from the {@code buildNumber} in the version's
 * {@code maven-metadata.xml}.
 *
 * @param timestamp   {@code yyyyMMdd.HHmmss}, UTC
 * @param buildNumber 1 to 999,999,999
 */
public record SnapshotBuild(String timestamp, int buildNumber) implements Comparable<SnapshotBuild> {
    public static final int MAX_BUILD = 999_999_999;
    /** {@code yyyyMMdd.HHmmss-N} at the start of a string. */
    static final Pattern PREFIX = Pattern.compile("(\\d{8}\\.\\d{6})-([1-9]\\d{0,8})");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuuMMdd.HHmmss")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter LAST_UPDATED = DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
            .withZone(ZoneOffset.UTC);

    public SnapshotBuild {
        if (!isTimestamp(timestamp) || buildNumber < 1 || buildNumber > MAX_BUILD) {
            throw new IllegalArgumentException("not a snapshot build: " + timestamp + "-" + buildNumber);
        }
    }

    /** The build of a timestamped version such as {@code 20261206.101500-3}, if it is one. */
    public static Optional<SnapshotBuild> parse(String text) {
        Matcher matcher = PREFIX.matcher(text);
        if (!matcher.matches() || !isTimestamp(matcher.group(1))) {
            return Optional.empty();
        }
        return Optional.of(new SnapshotBuild(matcher.group(1), Integer.parseInt(matcher.group(2))));
    }

    /** The build deployed at {@code time}, timestamp in UTC to the second. */
    public static SnapshotBuild at(Instant time, int buildNumber) {
        return new SnapshotBuild(TIMESTAMP.format(time.atOffset(ZoneOffset.UTC)), buildNumber);
    }

    static boolean isTimestamp(String text) {
        if (text == null || text.length() != 15) {
            return false;
        }
        try {
            LocalDateTime.parse(text, TIMESTAMP);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The timestamped version: {@code 1.0-20261206.101500-3} for {@code 1.0-SNAPSHOT}. */
    public String version(String snapshotVersion) {
        return MavenVersion.snapshotBase(snapshotVersion) + "-" + timestamp + "-" + buildNumber;
    }

    /** When the build was deployed. */
    public Instant time() {
        return LocalDateTime.parse(timestamp, TIMESTAMP).toInstant(ZoneOffset.UTC);
    }

    /** {@code yyyyMMddHHmmss} (UTC), the form of {@code lastUpdated} and {@code updated} in maven-metadata.xml. */
    public static String lastUpdated(Instant time) {
        return LAST_UPDATED.format(time);
    }

    /** Orders by build number, then timestamp. */
    @Override
    public int compareTo(SnapshotBuild other) {
        int byNumber = Integer.compare(buildNumber, other.buildNumber);
        return byNumber != 0 ? byNumber : timestamp.compareTo(other.timestamp);
    }

    @Override
    public String toString() {
        return timestamp + "-" + buildNumber;
    }
}
