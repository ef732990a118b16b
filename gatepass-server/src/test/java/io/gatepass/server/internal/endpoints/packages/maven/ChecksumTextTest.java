package io.gatepass.server.internal.endpoints.packages.maven;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ChecksumTextTest {
    private static final byte[] JAR = "not really a jar".getBytes(StandardCharsets.UTF_8);

    @Test
    void parse_bareDigestAsMavenSendsIt_lowerCaseDigest() {
        for (ChecksumAlgorithm algorithm : ChecksumAlgorithm.values()) {
            String digest = algorithm.of(JAR);
            assertThat(digest).hasSize(algorithm.hexLength()).matches("[0-9a-f]+");
            assertThat(parse(algorithm, digest)).contains(digest);
            assertThat(parse(algorithm, digest + "\n")).contains(digest);
            assertThat(parse(algorithm, digest.toUpperCase())).contains(digest);
        }
    }

    @Test
    void parse_coreutilsAndBsdForms_digestOnly() {
        String sha1 = ChecksumAlgorithm.SHA1.of(JAR);
        assertThat(parse(ChecksumAlgorithm.SHA1, sha1 + "  lib-1.0.jar\n")).contains(sha1);
        assertThat(parse(ChecksumAlgorithm.SHA1, sha1 + " *lib-1.0.jar")).contains(sha1);
        assertThat(parse(ChecksumAlgorithm.SHA1, "SHA1 (lib-1.0.jar) = " + sha1)).contains(sha1);
        assertThat(parse(ChecksumAlgorithm.SHA1, "SHA1(lib-1.0.jar)= " + sha1 + "\r\n")).contains(sha1);
    }

    @Test
    void parse_wrongLengthGarbageOrHuge_empty() {
        String sha1 = ChecksumAlgorithm.SHA1.of(JAR);
        assertThat(parse(ChecksumAlgorithm.MD5, sha1)).isEmpty();
        assertThat(parse(ChecksumAlgorithm.SHA1, sha1.substring(1))).isEmpty();
        assertThat(parse(ChecksumAlgorithm.SHA1, "g" + sha1.substring(1))).isEmpty();
        assertThat(parse(ChecksumAlgorithm.SHA1, "")).isEmpty();
        assertThat(parse(ChecksumAlgorithm.SHA1, "<html>not found</html>")).isEmpty();
        assertThat(parse(ChecksumAlgorithm.SHA1, sha1 + "\n" + sha1)).isEmpty();
        assertThat(parse(ChecksumAlgorithm.SHA1, sha1 + " ".repeat(ChecksumText.MAX_BYTES))).isEmpty();
    }

    @Test
    void ofFileName_suffixes_algorithmOrNone() {
        assertThat(ChecksumAlgorithm.ofFileName("lib-1.0.jar.sha256")).contains(ChecksumAlgorithm.SHA256);
        assertThat(ChecksumAlgorithm.ofFileName("maven-metadata.xml.md5")).contains(ChecksumAlgorithm.MD5);
        assertThat(ChecksumAlgorithm.ofFileName("lib-1.0.jar")).isEmpty();
        assertThat(ChecksumAlgorithm.ofFileName(".sha1")).isEmpty();
        assertThat(ChecksumAlgorithm.ofFileName("lib-1.0.jarsha1")).isEmpty();
    }

    private static Optional<String> parse(ChecksumAlgorithm algorithm, String body) {
        return ChecksumText.parse(algorithm, body.getBytes(StandardCharsets.UTF_8));
    }
}
