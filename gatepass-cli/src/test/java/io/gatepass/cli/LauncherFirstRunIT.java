package io.gatepass.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two first runs of the {@code ./gatepass} launcher at once, on a fresh copy of the sources (no target directories):
 * one builds the distribution and records the class-data archives while the other waits for it, then both run. Without
 * the launcher's lock both would build into the same target directories at once and break each other. Runs Maven
 * (offline, on the local repository this build uses) inside the copy, so it is bound after {@code package} with the
 * other distribution tests ({@code dist-it} in gatepass-cli/pom.xml).
 */
class LauncherFirstRunIT {
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", "target", ".idea", "gatepass-data");
    private static final long TIMEOUT_MINUTES = 20;

    @Test
    void twoFirstRunsAtOnce_bothSucceed_andOnlyOneBuilds(@TempDir Path dir) throws Exception {
        Path root = Path.of(System.getProperty("gatepass.root", "..")).toAbsolutePath().normalize();
        Path copy = dir.resolve("gatepass");
        copySources(root, copy);
        // the copy builds offline from the local repository the outer build filled
        Files.createDirectories(copy.resolve(".mvn"));
        String localRepository = System.getProperty("gatepass.localRepository");
        Files.writeString(copy.resolve(".mvn/maven.config"),
                "-o" + (localRepository == null ? "" : " -Dmaven.repo.local=" + localRepository) + "\n");

        Process first = launch(copy, dir.resolve("first"));
        Process second = launch(copy, dir.resolve("second"));
        for (Process each : List.of(first, second)) {
            if (!each.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                first.destroyForcibly();
                second.destroyForcibly();
                throw new AssertionError("a launcher was still running after " + TIMEOUT_MINUTES + " minutes");
            }
        }

        String expected = "gatepass/" + System.getProperty("gatepass.version").replace("-SNAPSHOT", "") + " ";
        int builds = 0;
        for (String name : List.of("first", "second")) {
            Path out = dir.resolve(name + ".out");
            Path err = dir.resolve(name + ".err");
            int exit = (name.equals("first") ? first : second).exitValue();
            assertThat(exit).as("%s launcher; stderr: %s", name, Files.readString(err)).isZero();
            assertThat(Files.readString(out)).as(name).startsWith(expected);
            if (Files.readString(err).contains("building the distribution")) {
                builds++;
            }
        }
        assertThat(builds).as("launchers that built").isEqualTo(1);
        Path dist = copy.resolve("gatepass-cli/target/dist");
        assertThat(dist.resolve("gatepass.jar")).isRegularFile();
        assertThat(dist.resolve("gatepass-cli.jar")).isRegularFile();
        try (Stream<Path> files = Files.list(dist)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    private static Process launch(Path copy, Path output) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("bash", copy.resolve("gatepass").toString(), "--version")
                .directory(copy.toFile())
                .redirectOutput(Path.of(output + ".out").toFile())
                .redirectError(Path.of(output + ".err").toFile());
        builder.environment().remove("GATEPASS_JAVA_OPTS");
        Process process = builder.start();
        process.getOutputStream().close();
        return process;
    }

    /** The sources as a fresh clone has them: no build output, no tests (the launcher's build skips them). */
    private static void copySources(Path root, Path copy) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.filter(path -> !skipped(root.relativize(path))).forEach(path -> {
                Path target = copy.resolve(root.relativize(path).toString());
                try {
                    if (Files.isDirectory(path)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static boolean skipped(Path relative) {
        for (int i = 0; i < relative.getNameCount(); i++) {
            String name = relative.getName(i).toString();
            if (SKIPPED_DIRECTORIES.contains(name)
                    || (name.equals("test") && i > 0 && relative.getName(i - 1).toString().equals("src"))) {
                return true;
            }
        }
        return false;
    }
}
