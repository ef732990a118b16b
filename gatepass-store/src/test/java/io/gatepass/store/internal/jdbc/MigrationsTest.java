package io.gatepass.store.internal.jdbc;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationsTest {
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__.+\\.sql");

    @Test
    void latestVersion_whenComparedWithScripts_isTheNewestScriptsVersion() throws IOException, URISyntaxException {
        Path scripts = Path.of(MigrationsTest.class.getClassLoader().getResource("db/migration").toURI());
        int newest;
        try (Stream<Path> files = Files.list(scripts)) {
            newest = files.map(file -> VERSIONED.matcher(file.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(match -> Integer.parseInt(match.group(1)))
                    .max(Comparator.naturalOrder())
                    .orElseThrow();
        }

        assertThat(Migrations.LATEST_VERSION)
                .as("Migrations.LATEST_VERSION must name the newest script, or the start-up fast path skips it")
                .isEqualTo(String.valueOf(newest));
    }
}
