package io.gatepass.cli.internal.agent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class TokenFileTest {

    @Test
    void write_createsAnOwnerOnlyFileHoldingJustTheToken(@TempDir Path dir) throws Exception {
        TokenFile file = new TokenFile(dir.resolve("run/token"));
        file.write(new AuthToken("tok-1", Instant.parse("2030-01-01T00:00:00Z")));
        assertThat(Files.readString(dir.resolve("run/token"))).isEqualTo("tok-1");
        assertThat(Files.getPosixFilePermissions(dir.resolve("run/token")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void write_replacesTheTokenAndLeavesNoTemporaryFiles(@TempDir Path dir) throws Exception {
        TokenFile file = new TokenFile(dir.resolve("token"));
        file.write(new AuthToken("tok-1", Instant.EPOCH));
        file.write(new AuthToken("tok-2", Instant.EPOCH));
        assertThat(Files.readString(dir.resolve("token"))).isEqualTo("tok-2");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("token");
        }
    }

    @Test
    void write_whileSomeoneReads_theReaderNeverSeesAPartialOrEmptyFile(@TempDir Path dir) throws Exception {
        TokenFile file = new TokenFile(dir.resolve("token"));
        List<String> tokens = List.of("a".repeat(64), "b".repeat(64));
        file.write(new AuthToken(tokens.get(0), Instant.EPOCH));
        AtomicBoolean done = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            for (int i = 0; i < 300; i++) {
                file.write(new AuthToken(tokens.get(i % 2), Instant.EPOCH));
            }
            done.set(true);
        });
        writer.start();
        while (!done.get()) {
            assertThat(Files.readString(dir.resolve("token"))).isIn(tokens);
        }
        writer.join();
    }

    @Test
    void delete_removesTheFile(@TempDir Path dir) {
        TokenFile file = new TokenFile(dir.resolve("token"));
        file.write(new AuthToken("tok", Instant.EPOCH));
        file.delete();
        assertThat(dir.resolve("token")).doesNotExist();
    }
}
