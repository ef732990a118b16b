package io.gatepass.server.internal.endpoints.packages.maven;

import io.gatepass.server.fuzz.FuzzSettings;
import io.gatepass.server.fuzz.Mutator;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Seeded mutation fuzzing of what Maven clients send: repository paths (artifacts, snapshots, metadata, checksum
 * files) parse to a {@link MavenPath} or are refused with {@link InvalidMavenPathException}, and checksum bodies
 * (coreutils and BSD forms) parse to a digest of the algorithm's length or to nothing; nothing else escapes and
 * nothing takes long (the checksum patterns meet mutated text of up to {@link ChecksumText#MAX_BYTES}).
 *
 * <p>{@code -Dgatepass.fuzz.iterations=N} mutations per seed (default 1500), {@code -Dgatepass.fuzz.seed=S}.
 */
class MavenPathAndChecksumFuzzTest {
    private static final FuzzSettings SETTINGS = FuzzSettings.current(1_500);
    private static final Mutator PATHS = new Mutator(List.of("/", "//", ".", "..", "-", "-SNAPSHOT",
            "maven-metadata.xml", ".sha1", ".md5", ".sha256", ".sha512", ".asc", ".jar", ".pom", "1.0",
            "20260101.120000-1", "-sources", "\u0000", "\u00e9", "%2F", " ", "a".repeat(300)));
    private static final Mutator CHECKSUMS = new Mutator(List.of(" ", "\t", "*", "(", ")", "=", " = ", "SHA1",
            "MD5", "SHA256", "\r\n", "\n", "0123456789abcdef", "g", "lib-1.0.jar", " ".repeat(500),
            "0".repeat(500)));
    private static final List<String> PATH_SEEDS = List.of("com/example/lib/1.0/lib-1.0.jar",
            "com/example/lib/1.0/lib-1.0-sources.jar.sha1", "com/example/lib/maven-metadata.xml.md5",
            "com/example/lib/1.0-SNAPSHOT/lib-1.0-20260101.120000-1.pom",
            "com/example/lib/1.0-SNAPSHOT/maven-metadata.xml", "org/x/y/z/2.1.3/z-2.1.3.tar.gz.sha512");

    @Test
    void parse_mutatedPaths_isAPathOrInvalidMavenPath() {
        int parsed = 0;
        for (String seed : PATH_SEEDS) {
            assertThat(MavenPathParser.parse(seed)).as(seed).isNotNull();
            Random random = SETTINGS.random("maven-path " + seed);
            for (int i = 0; i < SETTINGS.iterations(); i++) {
                String path = PATHS.mutate(seed, random);
                try {
                    assertThat(MavenPathParser.parse(path)).isNotNull();
                    parsed++;
                } catch (InvalidMavenPathException e) {
                    assertThat(e.getMessage()).isNotBlank();
                } catch (RuntimeException e) {
                    throw new AssertionError(SETTINGS.replay("maven-path " + seed, i) + ": " + e + "\n" + path, e);
                }
            }
        }
        assertThat(parsed).as("some mutated paths still name a file").isPositive();
    }

    @Test
    void parse_corpusOfPastChecksumFindings_isQuick() throws Exception {
        java.nio.file.Path corpus = java.nio.file.Path.of(getClass().getResource("/fuzz-corpus/maven-checksum").toURI());
        List<java.nio.file.Path> bodies;
        try (var files = java.nio.file.Files.list(corpus)) {
            bodies = files.sorted().toList();
        }
        assertThat(bodies).isNotEmpty();
        for (java.nio.file.Path file : bodies) {
            byte[] body = java.nio.file.Files.readAllBytes(file);
            // a backtracking pattern took seconds of CPU on these; a linear one takes well under a millisecond
            assertTimeoutPreemptively(Duration.ofMillis(500), () -> {
                for (ChecksumAlgorithm algorithm : ChecksumAlgorithm.values()) {
                    ChecksumText.parse(algorithm, body);
                }
            }, file.getFileName().toString());
        }
    }

    @Test
    void parse_mutatedChecksumBodies_isADigestOfTheRightLengthOrNothing() {
        String sha1 = "0a4d55a8d778e5022fab701977c5d840bbc486d0";
        List<String> seeds = List.of(sha1, sha1 + "  lib-1.0.jar\n", "SHA1 (lib-1.0.jar) = " + sha1 + "\n",
                sha1.toUpperCase() + " *lib-1.0.jar");
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (String seed : seeds) {
                assertThat(ChecksumText.parse(ChecksumAlgorithm.SHA1, seed.getBytes(StandardCharsets.UTF_8)))
                        .as(seed).hasValue(sha1);
                Random random = SETTINGS.random("maven-checksum " + seed);
                for (int i = 0; i < SETTINGS.iterations(); i++) {
                    byte[] body = CHECKSUMS.mutate(seed.getBytes(StandardCharsets.UTF_8), random);
                    for (ChecksumAlgorithm algorithm : ChecksumAlgorithm.values()) {
                        try {
                            ChecksumText.parse(algorithm, body).ifPresent(digest -> assertThat(digest)
                                    .hasSize(algorithm.hexLength()).matches("[0-9a-f]+"));
                        } catch (RuntimeException e) {
                            throw new AssertionError(SETTINGS.replay("maven-checksum " + seed, i) + ": " + e + "\n"
                                    + new String(body, StandardCharsets.UTF_8), e);
                        }
                    }
                }
            }
        });
    }
}
