package io.gatepass.server.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run of the real {@code mvn -B} for the Maven end-to-end tests: with its own HOME and settings.xml (what the test
 * writes there is what it tests) and its own local repository, whose top-level entries link to the shared one's except
 * the test's own group, so plugins resolve offline and the test's packages always come from the server.
 *
 * @param exitCode mvn's exit code
 * @param output   what it printed (stdout and stderr)
 */
public record MavenRun(int exitCode, String output) {
    private static final long TIMEOUT_SECONDS = 300;
    /** The Apache plugins a test project's build uses, pinned to versions the shared local repository holds. */
    private static final String PLUGINS = plugins("maven-resources-plugin:3.3.1", "maven-compiler-plugin:3.14.0",
            "maven-surefire-plugin:3.5.4", "maven-jar-plugin:3.4.2", "maven-install-plugin:3.1.4",
            "maven-deploy-plugin:3.1.4", "maven-dependency-plugin:3.8.1");

    /** {@code mvn -B -s settings -DskipTests <goals>} in {@code project}, with HOME {@code home}. */
    public static MavenRun run(Path home, Path settings, String ownGroupDir, Path project, String... goals)
            throws IOException, InterruptedException {
        Path local = linkedLocalRepository(home.resolve("repository"), ownGroupDir);
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-s", settings.toString(),
                "-Dmaven.repo.local=" + local, "-DskipTests"));
        command.addAll(List.of(goals));
        Path log = home.resolve("mvn.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("HOME", home.toString());
        builder.environment().put("MAVEN_OPTS", "-XX:TieredStopAtLevel=1"); // starts faster; the runs are short
        builder.environment().remove("MAVEN_ARGS");
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("mvn " + String.join(" ", goals) + " did not finish in " + TIMEOUT_SECONDS
                    + " s:\n" + Files.readString(log));
        }
        return new MavenRun(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    /** A local repository whose top-level entries link to the shared one's, except {@code ownGroupDir}. */
    private static Path linkedLocalRepository(Path local, String ownGroupDir) throws IOException {
        Files.createDirectories(local);
        Path shared = Path.of(System.getProperty("user.home"), ".m2", "repository");
        if (Files.isDirectory(shared)) {
            try (var entries = Files.list(shared)) {
                for (Path entry : entries.toList()) {
                    if (!entry.getFileName().toString().equals(ownGroupDir)) {
                        Files.createSymbolicLink(local.resolve(entry.getFileName()), entry);
                    }
                }
            }
        }
        return local;
    }

    /** A project in {@code dir} whose pom.xml has these coordinates, {@code more} (XML) and the pinned plugins. */
    public static Path project(Path dir, String groupId, String artifactId, String version, String packaging,
                               String more) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>%s</groupId>
                  <artifactId>%s</artifactId>
                  <version>%s</version>
                  <packaging>%s</packaging>
                  <properties>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                    <maven.compiler.release>17</maven.compiler.release>
                  </properties>
                %s%s</project>
                """.formatted(groupId, artifactId, version, packaging, more, PLUGINS));
        return dir;
    }

    /** A POM's {@code <build>} pinning the given {@code artifactId:version} Apache plugins. */
    private static String plugins(String... plugins) {
        StringBuilder out = new StringBuilder("  <build><plugins>\n");
        for (String plugin : plugins) {
            String[] parts = plugin.split(":");
            out.append("    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>").append(parts[0])
                    .append("</artifactId><version>").append(parts[1]).append("</version></plugin>\n");
        }
        return out.append("  </plugins></build>\n").toString();
    }

    /** Puts {@code message} in {@code project}'s resources as {@code message.txt}, which its jar then carries. */
    public static Path withMessage(Path project, String message) throws IOException {
        Files.createDirectories(project.resolve("src/main/resources"));
        Files.writeString(project.resolve("src/main/resources/message.txt"), message);
        return project;
    }

    /** The {@code message.txt} a test jar carries. */
    public static String message(Path jar) throws IOException {
        assertThat(jar).exists();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return new String(zip.getInputStream(zip.getEntry("message.txt")).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Succeeded, and every checksum Maven fetched (of files and of generated metadata) matched. */
    public static void assertSucceeded(MavenRun run) {
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).as(run.output()).doesNotContainIgnoringCase("checksum validation failed")
                .doesNotContainIgnoringCase("checksum failed");
    }
}
