package io.gatepass.server.it;

import io.gatepass.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing in the data dir is readable by other local users, whatever the umask: the directories are 0700 and every
 * file (the H2 database, the master key, the TLS key and certificate, the admin credentials) 0600, including what a
 * previous version left more open.
 */
class DataDirectoryPermissionsTest {

    @Test
    void start_inAFreshDataDir_leavesOnlyOwnerOnlyDirectoriesAndFiles(@TempDir Path parent) throws Exception {
        Path dataDir = parent.resolve("data");
        try (TestServer server = TestServer.start(null, dataDir)) {
            assertOwnerOnly(dataDir);
        }
    }

    @Test
    void start_whenAnExistingInstallationIsWorldReadable_tightensIt(@TempDir Path parent) throws Exception {
        Path dataDir = parent.resolve("data");
        try (TestServer server = TestServer.start(null, dataDir)) {
            server.iam(TestServer.admin()).createUser(r -> r.userName("alice"));
        }
        try (Stream<Path> all = Files.walk(dataDir)) {
            for (Path path : all.toList()) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                        Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        try (TestServer server = TestServer.start(null, dataDir)) {
            assertOwnerOnly(dataDir);
            assertThat(server.iam(TestServer.admin()).getUser(r -> r.userName("alice")).user().userName())
                    .isEqualTo("alice");
        }
    }

    private static void assertOwnerOnly(Path dataDir) throws Exception {
        List<Path> all;
        try (Stream<Path> walk = Files.walk(dataDir)) {
            all = walk.toList();
        }
        assertThat(all).anyMatch(p -> p.getFileName().toString().endsWith(".mv.db"))
                .anyMatch(p -> p.getFileName().toString().equals("master.key"));
        for (Path path : all) {
            String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
            assertThat(mode).as("%s", dataDir.relativize(path))
                    .isEqualTo(Files.isDirectory(path) ? "rwx------" : "rw-------");
        }
    }
}
