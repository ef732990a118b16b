package io.gatepass.server.internal.bootstrap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

class DataDirectoryTest {

    @Test
    void prepare_whenMissing_createsItOwnerOnly(@TempDir Path parent) throws Exception {
        Path dataDir = parent.resolve("a").resolve("data");

        DataDirectory.prepare(dataDir);

        assertThat(mode(dataDir)).isEqualTo("rwx------");
    }

    @Test
    void tighten_whenFilesAppearedLater_makesThemOwnerOnlyAndLeavesLinkTargetsAlone(@TempDir Path parent)
            throws Exception {
        Path dataDir = parent.resolve("data");
        DataDirectory.prepare(dataDir);
        Path nested = Files.createDirectories(dataDir.resolve("blobs/ab"));
        Path trace = Files.writeString(dataDir.resolve("gatepass.trace.db"), "x");
        Path blob = Files.writeString(nested.resolve("blob"), "x");
        Files.setPosixFilePermissions(trace, PosixFilePermissions.fromString("rw-rw-rw-"));
        Files.setPosixFilePermissions(nested, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path outside = Files.writeString(parent.resolve("outside"), "x");
        Files.setPosixFilePermissions(outside, PosixFilePermissions.fromString("rw-r--r--"));
        Files.createSymbolicLink(dataDir.resolve("link"), outside);

        DataDirectory.tighten(dataDir);

        assertThat(mode(trace)).isEqualTo("rw-------");
        assertThat(mode(blob)).isEqualTo("rw-------");
        assertThat(mode(nested)).isEqualTo("rwx------");
        assertThat(mode(outside)).isEqualTo("rw-r--r--");
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
