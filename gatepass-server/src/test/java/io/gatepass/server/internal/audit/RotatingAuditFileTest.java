package io.gatepass.server.internal.audit;

import io.gatepass.core.testing.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void append_whenTheDiskFillsUp_refusesWholeLines_andNeverGluesTwoTogether(@TempDir Path dir) throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-12-06T10:00:00Z"));
        Path file = dir.resolve("audit.log");
        FillingDisk disk = new FillingDisk(250); // takes two and a half lines, then is full
        List<String> appended = new ArrayList<>();
        try (RotatingAuditFile audit = new RotatingAuditFile(file, 1 << 30, false, 1, clock, disk::open)) {
            assertThatThrownBy(() -> {
                for (int i = 0; i < 100_000; i++) { // until the buffer is full and the disk takes none of it
                    String line = String.format("%05d", i) + LINE.substring(5);
                    audit.append(line, clock.instant());
                    appended.add(line);
                }
            }).isInstanceOf(IOException.class);
            assertThatThrownBy(audit::flush).isInstanceOf(IOException.class);
            assertThat(Files.readString(file)).hasSize(250); // ends in the middle of the third line

            disk.room = Long.MAX_VALUE; // space freed
            audit.append("after", clock.instant());
            appended.add("after");
        }
        assertThat(appended).hasSizeGreaterThan(3);
        assertThat(Files.readAllLines(file)).as("every line taken, whole, once; the refused one not at all")
                .isEqualTo(appended);
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

    /** A disk with {@link #room} bytes left: a write beyond it is cut short, the next one fails, as on a full disk. */
    private static final class FillingDisk {
        volatile long room;

        FillingDisk(long room) {
            this.room = room;
        }

        WritableByteChannel open(Path file) throws IOException {
            SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            return new WritableByteChannel() {
                @Override
                public int write(ByteBuffer src) throws IOException {
                    if (room <= 0) {
                        throw new IOException("No space left on device");
                    }
                    ByteBuffer part = src.slice();
                    part.limit((int) Math.min(part.remaining(), room));
                    int written = channel.write(part);
                    src.position(src.position() + written);
                    room -= written;
                    return written;
                }

                @Override
                public boolean isOpen() {
                    return channel.isOpen();
                }

                @Override
                public void close() throws IOException {
                    channel.close();
                }
            };
        }
    }
}
