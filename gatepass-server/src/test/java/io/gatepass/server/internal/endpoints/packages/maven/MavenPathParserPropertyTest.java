package io.gatepass.server.internal.endpoints.packages.maven;

import io.gatepass.server.internal.endpoints.packages.maven.MavenPath.ArtifactFile;
import io.gatepass.server.internal.endpoints.packages.maven.MavenPath.MetadataFile;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Seeded random round trips of Maven paths, and a fuzz of the parser; every message names the seed. */
class MavenPathParserPropertyTest {
    private static final long SEED = 20261206L;
    private static final String NAME_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-";
    private static final String FUZZ_CHARS = "ab01-_./.%+~ \u0000\u00e9SNAPSHOT.md5.sha1";

    private final Random random = new Random(SEED);

    @Test
    void parse_renderedArtifactPaths_roundTrip() {
        for (int i = 0; i < 20_000; i++) {
            ArtifactFile expected = randomArtifact();
            String path = expected.path();

            MavenPath parsed = MavenPathParser.parse(path);

            assertThat(parsed).as("seed %d case %d: %s", SEED, i, path).isEqualTo(expected);
            assertThat(parsed.path()).as("seed %d case %d", SEED, i).isEqualTo(path);
            assertThat(MavenPathParser.parse(List.of(path.split("/")))).isEqualTo(expected);
        }
    }

    @Test
    void parse_renderedMetadataPaths_roundTrip() {
        for (int i = 0; i < 5_000; i++) {
            Optional<String> version = random.nextBoolean() ? Optional.of(version(true)) : Optional.empty();
            MetadataFile expected = new MetadataFile(groupId(), name(), version, checksum());

            MavenPath parsed = MavenPathParser.parse(expected.path());

            assertThat(parsed).as("seed %d case %d: %s", SEED, i, expected.path()).isEqualTo(expected);
        }
    }

    /**
     * Random mutations of valid paths and random strings: the parser either answers a path that renders back to
     * exactly its input, or refuses with {@link InvalidMavenPathException}; nothing else escapes.
     */
    @Test
    void parse_fuzzedPaths_roundTripOrRefusedWithReason() {
        int accepted = 0;
        int refused = 0;
        for (int i = 0; i < 40_000; i++) {
            String input = i % 4 == 0 ? randomString(1 + random.nextInt(60)) : mutate(i % 2 == 0
                    ? randomArtifact().path()
                    : new MetadataFile(groupId(), name(), Optional.of(version(true)), checksum()).path());
            try {
                MavenPath parsed = MavenPathParser.parse(input);
                assertThat(parsed.path()).as("seed %d case %d", SEED, i).isEqualTo(input);
                assertThat(parsed.groupId()).as("seed %d case %d", SEED, i).isNotEmpty().doesNotContain("/", "..");
                if (parsed instanceof ArtifactFile file) {
                    assertThat(file.fileName()).startsWith(file.artifactId() + "-");
                    assertThat(file.extension()).isNotEmpty().doesNotStartWith(".").doesNotEndWith(".");
                    assertThat(MavenPathParser.parse(file.withoutChecksum().path()))
                            .isEqualTo(file.withoutChecksum());
                }
                accepted++;
            } catch (InvalidMavenPathException e) {
                assertThat(e.getMessage()).as("seed %d case %d", SEED, i).isNotBlank().doesNotContain("\u0000");
                refused++;
            }
        }
        assertThat(accepted).as("seed %d: the fuzz reaches valid paths", SEED).isGreaterThan(4_000);
        assertThat(refused).as("seed %d: and invalid ones", SEED).isGreaterThan(4_000);
    }

    private ArtifactFile randomArtifact() {
        boolean snapshot = random.nextInt(3) == 0;
        String version = version(snapshot);
        String artifactId = name();
        Optional<SnapshotBuild> build = snapshot && random.nextInt(4) > 0
                ? Optional.of(SnapshotBuild.at(Instant.ofEpochSecond(1_600_000_000L + random.nextInt(400_000_000)),
                        1 + random.nextInt(random.nextBoolean() ? 20 : SnapshotBuild.MAX_BUILD)))
                : Optional.empty();
        String classifier = random.nextBoolean() ? ""
                : pick("sources", "javadoc", "tests", "linux-x86_64", "jdk17", "1");
        String extension = pick("jar", "pom", "war", "tar.gz", "jar.asc", "module", "zip", "pom.asc");
        String fileName = ArtifactFile.fileName(artifactId, version, build, classifier, extension);
        return new ArtifactFile(groupId(), artifactId, version, fileName, classifier, extension, build, checksum());
    }

    private Optional<ChecksumAlgorithm> checksum() {
        ChecksumAlgorithm[] all = ChecksumAlgorithm.values();
        int pick = random.nextInt(all.length + 2);
        return pick < all.length ? Optional.of(all[pick]) : Optional.empty();
    }

    private String groupId() {
        List<String> parts = new ArrayList<>();
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
            parts.add(token(NAME_CHARS, 1 + random.nextInt(10)));
        }
        return String.join(".", parts);
    }

    private String name() {
        String name = token(NAME_CHARS, 1 + random.nextInt(12));
        return random.nextInt(4) == 0 ? name + "." + token(NAME_CHARS, 1 + random.nextInt(5)) : name;
    }

    private String version(boolean snapshot) {
        StringBuilder version = new StringBuilder().append(random.nextInt(30));
        for (int n = random.nextInt(3); n > 0; n--) {
            version.append('.').append(random.nextInt(100));
        }
        if (random.nextInt(4) == 0) {
            version.append(pick("-rc1", "-beta-2", ".Final", "+build.7", "-M1"));
        }
        return snapshot ? version + "-SNAPSHOT" : version.toString();
    }

    private String mutate(String path) {
        StringBuilder out = new StringBuilder(path);
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            int at = random.nextInt(out.length() + 1);
            switch (random.nextInt(3)) {
                case 0 -> out.insert(at, FUZZ_CHARS.charAt(random.nextInt(FUZZ_CHARS.length())));
                case 1 -> {
                    if (at < out.length()) {
                        out.deleteCharAt(at);
                    }
                }
                default -> {
                    if (at < out.length()) {
                        out.setCharAt(at, FUZZ_CHARS.charAt(random.nextInt(FUZZ_CHARS.length())));
                    }
                }
            }
        }
        return random.nextInt(5) == 0 ? path : out.toString();
    }

    private String randomString(int length) {
        return token(FUZZ_CHARS + "/", length);
    }

    private String token(String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private String pick(String... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
