package io.gatepass.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.GeneratedServiceMetadataProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.ServiceMetadata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The distribution {@code mvn package} builds in target/dist, run the way the launcher runs it: {@code java -jar
 * gatepass.jar serve} for the server, {@code java -jar gatepass-cli.jar <service> <op>} for the command line. Bound
 * after {@code package} (the {@code dist-it} execution in gatepass-cli/pom.xml), so {@code mvn verify} tests the jars
 * users get, not the classes directory.
 */
class DistributionIT {
    private static final Path DIST = Path.of(System.getProperty("gatepass.dist", "target/dist")).toAbsolutePath();
    private static final Path SERVER_JAR = DIST.resolve("gatepass.jar");
    private static final Path CLI_JAR = DIST.resolve("gatepass-cli.jar");
    private static final String VERSION = System.getProperty("gatepass.version");
    private static final Pattern READY = Pattern.compile("Gatepass ready at (http://127\\.0\\.0\\.1:\\d+) ");

    @Test
    void bothJars_printTheProjectVersion() throws Exception {
        String expected = "gatepass/" + VERSION.replace("-SNAPSHOT", "") + " Java/" + System.getProperty("java.version");
        for (Path jar : List.of(SERVER_JAR, CLI_JAR)) {
            Run run = run(Map.of(), "-jar", jar.toString(), "--version");
            assertThat(run.exitCode()).as("%s: %s", jar, run).isZero();
            assertThat(run.out()).as(jar.toString()).startsWith(expected);
            try (JarFile opened = new JarFile(jar.toFile())) {
                assertThat(opened.getManifest().getMainAttributes().getValue("Implementation-Version"))
                        .as(jar.toString()).isEqualTo(VERSION);
            }
        }
    }

    /** JDK 17's class-data sharing skips pre-Java-6 class files (picocli's): the build upgrades them (UpgradeClassFiles). */
    @Test
    void everyClassFile_isRecentEnoughForClassDataSharing() throws IOException {
        List<Path> jars = new ArrayList<>(List.of(SERVER_JAR, CLI_JAR));
        try (var lib = Files.list(DIST.resolve("lib"))) {
            lib.filter(p -> p.toString().endsWith(".jar")).forEach(jars::add);
        }
        List<String> old = new ArrayList<>();
        for (Path jar : jars) {
            try (JarFile opened = new JarFile(jar.toFile())) {
                for (var entries = opened.entries(); entries.hasMoreElements(); ) {
                    ZipEntry entry = entries.nextElement();
                    if (!entry.getName().endsWith(".class")) {
                        continue;
                    }
                    try (var in = opened.getInputStream(entry)) {
                        byte[] head = in.readNBytes(8);
                        int major = ((head[6] & 0xff) << 8) | (head[7] & 0xff);
                        if (major < 50) {
                            old.add(jar.getFileName() + "!" + entry.getName() + " (" + major + ")");
                        }
                    }
                }
            }
        }
        assertThat(old).as("class files older than Java 6").isEmpty();
    }

    @Test
    void cliJar_leavesTheServerOnlyLibrariesOut_andMergesServiceFiles() throws IOException {
        try (JarFile cli = new JarFile(CLI_JAR.toFile())) {
            assertThat(cli.getEntry("io/gatepass/cli/Main.class")).isNotNull();
            assertThat(cli.getEntry("software/amazon/awssdk/services/gamelift/GameLiftClient.class")).isNotNull();
            assertThat(cli.getEntry("io/gatepass/server/GatepassServer.class")).isNull();
            assertThat(cli.getEntry("io/vertx/core/Vertx.class")).isNull();
            assertThat(cli.getEntry("org/h2/Driver.class")).isNull();
            assertThat(cli.getEntry("ch/qos/logback/classic/Logger.class")).isNull();
            assertThat(cli.getEntry("module-info.class")).isNull();
            assertThat(cli.getManifest().getMainAttributes().getValue("Class-Path")).isNull();
            assertThat(cli.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo("io.gatepass.cli.Main");
            // jackson-core, jackson-dataformat-cbor and jackson-dataformat-yaml each list a JsonFactory
            ZipEntry factories = cli.getEntry("META-INF/services/com.fasterxml.jackson.core.JsonFactory");
            String listed = new String(cli.getInputStream(factories).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(listed).contains("com.fasterxml.jackson.core.JsonFactory",
                    "com.fasterxml.jackson.dataformat.cbor.CBORFactory",
                    "com.fasterxml.jackson.dataformat.yaml.YAMLFactory");
        }
    }

    /**
     * gatepass-cli.jar's service metadata provider is the build's lazy one (LazyServiceMetadata): for every endpoint
     * prefix the SDK's own provider knows, it answers the same metadata (class, regions, signing region), one instance
     * per prefix, and nothing for a prefix the SDK does not know.
     */
    @Test
    void cliJar_servesEveryServicesMetadataAsTheSdkDoes() throws Exception {
        Field sdkField = GeneratedServiceMetadataProvider.class.getDeclaredField("SERVICE_METADATA");
        sdkField.setAccessible(true);
        @SuppressWarnings("unchecked")
        Map<String, ServiceMetadata> sdk = (Map<String, ServiceMetadata>) sdkField.get(null);
        assertThat(sdk).hasSizeGreaterThan(300);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {CLI_JAR.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> lazy = loader.loadClass(GeneratedServiceMetadataProvider.class.getName());
            assertThat(lazy.getDeclaredFields()).extracting(Field::getName).containsExactly("CREATED");
            Object provider = lazy.getConstructor().newInstance();
            Method serviceMetadata = lazy.getMethod("serviceMetadata", String.class);
            Class<?> region = loader.loadClass(Region.class.getName());
            for (Map.Entry<String, ServiceMetadata> expected : sdk.entrySet()) {
                Object actual = serviceMetadata.invoke(provider, expected.getKey());
                assertThat(actual).as(expected.getKey()).isNotNull();
                assertThat(actual.getClass().getName()).isEqualTo(expected.getValue().getClass().getName());
                assertThat(serviceMetadata.invoke(provider, expected.getKey())).isSameAs(actual);
                assertThat(actual.getClass().getMethod("regions").invoke(actual).toString()).as(expected.getKey())
                        .isEqualTo(expected.getValue().regions().toString());
                Object usEast1 = region.getMethod("of", String.class).invoke(null, "us-east-1");
                Object signingRegion = actual.getClass().getMethod("signingRegion", region).invoke(actual, usEast1);
                assertThat(signingRegion.toString()).as(expected.getKey())
                        .isEqualTo(expected.getValue().signingRegion(Region.US_EAST_1).toString());
            }
            assertThat(serviceMetadata.invoke(provider, "no-such-service")).isNull();
            assertThat(serviceMetadata.invoke(provider, (Object) null)).isNull();
        }
    }

    @Test
    void awsCliStyleCalls_fromTheCliJar_reachAServerStartedFromTheServerJar(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        ProcessBuilder serve = new ProcessBuilder(java(), "-jar", SERVER_JAR.toString(), "serve", "--port", "0",
                "--tls-port", "0", "--bind", "127.0.0.1", "--data-dir", data.toString())
                .redirectError(dir.resolve("serve.err").toFile());
        Process server = serve.start();
        try {
            String endpoint = awaitReady(server, dir.resolve("serve.err"));
            Map<String, String> env = Map.of(
                    "AWS_SHARED_CREDENTIALS_FILE", data.resolve("admin-credentials").toString(),
                    "AWS_CONFIG_FILE", data.resolve("admin-config").toString(),
                    "AWS_PROFILE", "gatepass", "AWS_PAGER", "", "HOME", dir.toString());

            Run identity = run(env, "-jar", CLI_JAR.toString(), "--endpoint-url", endpoint,
                    "sts", "get-caller-identity", "--query", "Arn", "--output", "text");
            assertThat(identity.exitCode()).as(identity.toString()).isZero();
            assertThat(identity.out().strip()).matches("arn:aws:iam::\\d{12}:root");
            assertThat(identity.err()).isEmpty();

            Run created = run(env, "-jar", CLI_JAR.toString(), "--endpoint-url", endpoint,
                    "codeartifact", "create-domain", "--domain", "shipped");
            assertThat(created.exitCode()).as(created.toString()).isZero();
            assertThat(created.out()).contains("\"name\": \"shipped\"");

            Run listed = run(env, "-jar", CLI_JAR.toString(), "--endpoint-url", endpoint,
                    "codeartifact", "list-domains", "--output", "yaml");
            assertThat(listed.exitCode()).as(listed.toString()).isZero();
            assertThat(listed.out()).contains("name: shipped");

            Run missing = run(env, "-jar", CLI_JAR.toString(), "--endpoint-url", endpoint,
                    "codeartifact", "describe-domain", "--domain", "absent");
            assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(254);
            assertThat(missing.err()).contains("ResourceNotFoundException");
        } finally {
            server.destroy();
            assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    /**
     * {@code ./gatepass serve}, as a user starts it: the JVM takes the launcher's options (a JVM refusing one would stop
     * every start), and what it prints is Gatepass's own lines, none of the JVM's (it echoes a -XX:CompileCommand
     * unless told to be quiet).
     */
    @Test
    void launcherServe_startsWithTheLaunchersOptions_andPrintsOnlyGatepassLines(@TempDir Path dir) throws Exception {
        Path root = Path.of(System.getProperty("gatepass.root", "..")).toAbsolutePath().normalize();
        ProcessBuilder serve = new ProcessBuilder("bash", root.resolve("gatepass").toString(), "serve", "--port", "0",
                "--tls-port", "0", "--bind", "127.0.0.1", "--data-dir", dir.resolve("data").toString())
                .redirectError(dir.resolve("serve.err").toFile());
        serve.environment().remove("GATEPASS_JAVA_OPTS");
        Process server = serve.start();
        try {
            List<String> printed = new ArrayList<>();
            String endpoint = awaitReady(server, dir.resolve("serve.err"), printed);
            assertThat(printed).allSatisfy(line -> assertThat(line).matches(
                    "(Created account |Administrator credentials: |Try: |TLS certificate: |Gatepass ready at ).*"));
            assertThat(printed.get(printed.size() - 1)).startsWith("Gatepass ready at " + endpoint + " ");
            assertThat(Files.readString(dir.resolve("serve.err"))).doesNotContain("CompileCommand", "Unrecognized");
        } finally {
            server.destroy();
            assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** Reads the server's output up to its ready line (returning the endpoint), then drains the rest in the background. */
    private static String awaitReady(Process server, Path stderr) throws IOException {
        return awaitReady(server, stderr, new ArrayList<>());
    }

    /** As above, keeping the lines read (the ready line included) in {@code lines}. */
    private static String awaitReady(Process server, Path stderr, List<String> lines) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            lines.add(line);
            Matcher ready = READY.matcher(line);
            if (ready.find()) {
                Thread drain = new Thread(() -> out.lines().forEach(ignored -> { }), "serve-stdout");
                drain.setDaemon(true);
                drain.start();
                return ready.group(1);
            }
        }
        throw new AssertionError("no ready line in " + lines + "; stderr: " + Files.readString(stderr));
    }

    record Run(int exitCode, String out, String err) {
    }

    private static Run run(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("dist-out", ".txt");
        Path err = Files.createTempFile("dist-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
            builder.environment().putAll(env);
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("still running after 120 s: " + command);
            }
            return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
