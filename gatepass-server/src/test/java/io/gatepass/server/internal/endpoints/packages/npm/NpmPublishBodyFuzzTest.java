package io.gatepass.server.internal.endpoints.packages.npm;

import io.gatepass.server.fuzz.FuzzSettings;
import io.gatepass.server.fuzz.Mutator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Seeded mutation fuzzing of the npm publish body reader, as {@code LegacyUploadParserFuzzTest} does for twine's
 * uploads: mutated {@code npm publish} bodies are either read or refused as {@link NpmPublishBody.Malformed}; nothing
 * else escapes, nothing hangs, and no temporary attachment file outlives a refusal (a client could otherwise fill the
 * disk with bodies that are refused). The past findings in {@code fuzz-corpus/npm-publish/} are replayed first.
 *
 * <p>{@code -Dgatepass.fuzz.iterations=N} mutations per seed (default 300), {@code -Dgatepass.fuzz.seed=S}.
 */
class NpmPublishBodyFuzzTest {
    private static final FuzzSettings SETTINGS = FuzzSettings.current(300);
    private static final Mutator MUTATOR = new Mutator(List.of("\"_attachments\":", "{\"data\":\"", "\"data\":",
            "\"length\":", "99999999999999999999999", "-1", "\"@@@\"", "{", "}", "[", "]", ",", ":", "null", "\"",
            "\\", "\\u0000", ",\"b.tgz\":{\"data\":\"eA==\"}", ",\"c.tgz\":{}", ",\"d.tgz\":{\"data\":\"!\"}",
            "\"versions\":", "\"name\":", "=", "\u00ff", "{\"a\":[[[[[[[["));
    private static final String ONE = """
            {"_id":"tiny","name":"tiny","description":"x","dist-tags":{"latest":"1.0.0"},\
            "versions":{"1.0.0":{"name":"tiny","version":"1.0.0","dist":{"shasum":"0f","tarball":\
            "http://localhost/tiny/-/tiny-1.0.0.tgz"}}},"access":null,"_attachments":{"tiny-1.0.0.tgz":\
            {"content_type":"application/octet-stream","data":"dGFyYmFsbA==","length":7}}}""";
    private static final String TWO = """
            {"name":"@scope/tiny","_attachments":{"@scope/tiny-1.0.0.tgz":{"data":"dGFyYmFsbA==","length":7},\
            "@scope/tiny-1.0.1.tgz":{"data":"b3RoZXI=","length":5}},"versions":{}}""";

    @TempDir
    Path work;

    @Test
    void read_corpusOfPastFindings_isReadOrRefusedWithoutLeftovers() throws IOException, URISyntaxException {
        Path corpus = Path.of(getClass().getResource("/fuzz-corpus/npm-publish").toURI());
        List<Path> bodies;
        try (Stream<Path> files = Files.list(corpus)) {
            bodies = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(bodies).isNotEmpty();
        for (Path body : bodies) {
            outcome(Files.readAllBytes(body), "corpus " + corpus.relativize(body));
        }
    }

    @Test
    void read_mutatedPublishBodies_areReadOrRefusedWithoutLeftovers() {
        int[] accepted = {0};
        for (String seed : List.of(ONE, TWO)) {
            Random random = SETTINGS.random("npm-publish " + seed.length());
            byte[] valid = seed.getBytes(StandardCharsets.UTF_8);
            assertThat(outcome(valid, "seed")).isTrue();
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                for (int i = 0; i < SETTINGS.iterations(); i++) {
                    if (outcome(MUTATOR.mutate(valid, random), SETTINGS.replay("npm-publish " + seed.length(), i))) {
                        accepted[0]++;
                    }
                }
            });
        }
        assertThat(accepted[0]).as("some mutations keep the body readable").isPositive();
    }

    /** True when read; fails on anything but a Malformed refusal, and on temporary files left behind. */
    private boolean outcome(byte[] body, String where) {
        Path spool = work.resolve("spool");
        try {
            Files.createDirectories(spool);
            Path file = Files.write(work.resolve("body.json"), body);
            boolean read;
            try {
                NpmPublishBody parsed = NpmPublishBody.read(file, () -> temp(spool));
                for (NpmPublishBody.Attachment attachment : parsed.attachments()) {
                    Files.delete(attachment.file());
                }
                read = true;
            } catch (NpmPublishBody.Malformed e) {
                assertThat(e.getMessage()).as(where).isNotBlank();
                read = false;
            } catch (IOException | RuntimeException e) {
                throw new AssertionError(where + ": " + e + "\n" + new String(body, StandardCharsets.ISO_8859_1), e);
            }
            try (Stream<Path> left = Files.list(spool)) {
                assertThat(left.toList()).as("%s: temporary files left after %s\n%s", where,
                        read ? "reading" : "a refusal", new String(body, StandardCharsets.ISO_8859_1)).isEmpty();
            }
            return read;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path temp(Path dir) {
        try {
            return Files.createTempFile(dir, "npm-", ".tgz");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
