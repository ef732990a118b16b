package io.gatepass.server.internal.audit;

import io.gatepass.core.testing.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RotatingAuditFileTest {
    private static final String LINE = "x".repeat(99); // 100 bytes with its line break

    @Test
    void append_whenTheNextLineWouldPassTheLimit_rotatesFirst(@TempDir Path dir) throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-12-06T10:00:00.123Z"));
        Path file = dir.resolve("audit").resolve("audit.log");
        try (RotatingAuditFile audit = new RotatingAuditFile(file, 250, false, 10, clock)) {
            audit.append(LINE, clock.instant());
            audit.append(LINE, clock.instant());
            audit.append(LINE, clock.instant()); // 300 > 250: the first two go to a rotated file
            audit.flush();
        }
        List<Path> rotated = RotatingAuditFile.rotated(file);
        assertThat(rotated).extracting(p -> p.getFileName().toString())
                .containsExactly("audit.log.20261206T100000.123Z");
        assertThat(Files.readAllLines(rotated.get(0))).hasSize(2);
        assertThat(Files.readAllLines(file)).hasSize(1);
    }

    @Test
    void append_onANewUtcDay_rotatesWhenDaily(@TempDir Path dir) throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-12-06T23:59:59.999Z"));
        Path file = dir.resolve("audit.log");
        try (RotatingAuditFile audit = new RotatingAuditFile(file, 1 << 20, true, 10, clock)) {
            audit.append("day one", clock.instant());
            clock.set(Instant.parse("2026-12-07T00:00:00.000Z"));
            audit.append("day two", clock.instant());
        }
        assertThat(RotatingAuditFile.rotated(file)).hasSize(1);
        assertThat(Files.readAllLines(RotatingAuditFile.rotated(file).get(0))).containsExactly("day one");
        assertThat(Files.readAllLines(file)).containsExactly("day two");
    }

    @Test
    void append_ofAnEventsLine_goesByTheEventsDay_notByWhenTheLineIsWritten(@TempDir Path dir) throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-12-07T00:00:00.010Z")); // the writer runs after midnight
        Path file = dir.resolve("audit.log");
        try (RotatingAuditFile audit = new RotatingAuditFile(file, 1 << 20, true, 10, clock)) {
            audit.append("day one", Instant.parse("2026-12-06T23:59:59.990Z"));
            audit.append("day one, late", Instant.parse("2026-12-06T23:59:59.995Z"));
            audit.append("day two", Instant.parse("2026-12-07T00:00:00.001Z"));
            audit.append("day one, straggler", Instant.parse("2026-12-06T23:59:59.999Z")); // no second rotation
            audit.append("day two, again", Instant.parse("2026-12-07T00:00:00.005Z"));
        }
        assertThat(RotatingAuditFile.rotated(file)).hasSize(1);
        assertThat(Files.readAllLines(RotatingAuditFile.rotated(file).get(0))).containsExactly("day one", "day one, late");
        assertThat(Files.readAllLines(file)).containsExactly("day two", "day one, straggler", "day two, again");
    }

    @Test
    void append_onANewDay_keepsTheFileWhenNotDaily(@TempDir Path dir) throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-12-06T23:59:59.999Z"));
        Path file = dir.resolve("audit.log");
        try (RotatingAuditFile audit = new RotatingAuditFile(file, 1 << 20, false, 10, clock)) {
            audit.append("day one", clock.instant());
            clock.advance(Duration.ofDays(3));
            audit.append("day four", clock.instant());
        }
        assertThat(RotatingAuditFile.rotated(file)).isEmpty();
        assertThat(Files.readAllLines(file)).containsExactly("day one", "day four");
    }

    @Test
    void rotate_keepsOnlyTheNewestRetainedFiles_andNamesCollisionsApart(@TempDir Path dir) throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-12-06T10:00:00Z"));
        Path file = dir.resolve("audit.log");
        try (RotatingAuditFile audit = new RotatingAuditFile(file, 150, false, 2, clock)) {
            for (int i = 0; i < 6; i++) {
                audit.append(i + LINE.substring(1), clock.instant()); // every line rotates the one before it out, at one instant
            }
        }
        List<Path> rotated = RotatingAuditFile.rotated(file);
        assertThat(rotated).extracting(p -> p.getFileName().toString())
                .containsExactly("audit.log.20261206T100000.000Z-3", "audit.log.20261206T100000.000Z-4");
        assertThat(Files.readString(rotated.get(1))).startsWith("4");
        assertThat(Files.readString(file)).startsWith("5");
    }

    @Test
    void open_existingFile_appendsAndTightensItsMode(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("audit.log");
        Files.writeString(file, "earlier\n");
        ManualClock clock = new ManualClock(Instant.now());
        try (RotatingAuditFile audit = new RotatingAuditFile(file, 1 << 20, false, 1, clock)) {
            audit.append("later", clock.instant());
        }
        assertThat(Files.readAllLines(file)).containsExactly("earlier", "later");
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }

    @Test
    void rotated_ignoresOtherFiles(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("audit.log");
        Files.writeString(dir.resolve("audit.log.old"), "");
        Files.writeString(dir.resolve("audit.log.20261206T100000.000Z"), "");
        Files.writeString(dir.resolve("other.log.20261206T100000.000Z"), "");
        assertThat(RotatingAuditFile.rotated(file)).extracting(p -> p.getFileName().toString())
                .containsExactly("audit.log.20261206T100000.000Z");
    }

    @Test
    void rotated_ordersByTimeThenSequence(@TempDir Path dir) throws Exception {
        for (String name : List.of("a.log.20261206T100000.000Z-10", "a.log.20261206T100000.000Z-9",
                "a.log.20261206T100000.000Z", "a.log.20261205T235959.999Z-2")) {
            Files.writeString(dir.resolve(name), "");
        }
        assertThat(RotatingAuditFile.rotated(dir.resolve("a.log"))).extracting(p -> p.getFileName().toString())
                .containsExactly("a.log.20261205T235959.999Z-2", "a.log.20261206T100000.000Z",
                        "a.log.20261206T100000.000Z-9", "a.log.20261206T100000.000Z-10");
    }
}
