package io.gatepass.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** `gatepass serve` as a real process: configuration from the environment, the ready line, /health, SIGTERM. */
class ServeProcessTest {
    private static final Pattern READY = Pattern.compile(
            "Gatepass ready at (http://127\\.0\\.0\\.1:\\d+) and (https://127\\.0\\.0\\.1:\\d+) ");

    @Test
    void serve_printsReadyLine_answersHealth_andExitsZeroOnSigterm(@TempDir Path dir) throws Exception {
        Path dataDir = dir.resolve("data");
        Path log = dir.resolve("stderr.log");
        ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                "io.gatepass.cli.Main", "serve", "--data-dir", dataDir.toString());
        builder.environment().put("GATEPASS_PORT", "0");
        builder.environment().put("GATEPASS_TLS_PORT", "0");
        builder.environment().put("GATEPASS_ACCOUNT_ID", "444455556666");
        builder.environment().remove("GATEPASS_ADMIN_ACCESS_KEY_ID");
        builder.environment().remove("GATEPASS_ADMIN_SECRET_ACCESS_KEY");
        builder.redirectError(log.toFile());
        Process process = builder.start();
        try {
            List<String> lines = new ArrayList<>();
            String endpoint = null;
            String tlsEndpoint = null;
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String line;
            while (endpoint == null && (line = out.readLine()) != null) {
                lines.add(line);
                Matcher ready = READY.matcher(line);
                if (ready.find()) {
                    endpoint = ready.group(1);
                    tlsEndpoint = ready.group(2);
                }
            }
            assertThat(endpoint).as("ready line in %s; stderr: %s", lines, Files.readString(log)).isNotNull();
            assertThat(String.join("\n", lines))
                    .contains("Created account 444455556666")
                    .contains("Administrator credentials: " + dataDir.resolve("admin-credentials").toAbsolutePath())
                    .contains("aws --profile gatepass --endpoint-url " + endpoint + " sts get-caller-identity");
            assertThat(Files.getPosixFilePermissions(dataDir.resolve("admin-credentials")))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            Path certificate = dataDir.resolve("tls/gatepass-cert.pem").toAbsolutePath();
            assertThat(String.join("\n", lines)).contains("TLS certificate: " + certificate);
            assertThat(Files.getPosixFilePermissions(dataDir.resolve("tls/gatepass-key.pem")))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));

            HttpResponse<String> overTls = HttpClient.newBuilder().sslContext(trusting(certificate)).build().send(
                    HttpRequest.newBuilder(URI.create(tlsEndpoint + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(overTls.statusCode()).isEqualTo(200);
            // the ready line names the web console, which the TLS listener serves as well
            assertThat(String.join("\n", lines)).contains("; console at " + endpoint + "/console/");
            HttpResponse<String> consoleOverTls = HttpClient.newBuilder().sslContext(trusting(certificate)).build()
                    .send(HttpRequest.newBuilder(URI.create(tlsEndpoint + "/console/")).build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(consoleOverTls.statusCode()).isEqualTo(200);
            assertThat(consoleOverTls.body()).contains("<title>Gatepass console</title>");
            assertThat(consoleOverTls.headers().firstValue("content-security-policy")).isPresent();

            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(endpoint + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
            // logged in LogSetup's text format from the first line on: nothing from SLF4J or logback's own set-up
            assertThat(Files.readAllLines(log)).isNotEmpty().allSatisfy(l -> assertThat(l)
                    .matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} (INFO |WARN |ERROR) .*"));

            process.destroy(); // SIGTERM
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
            assertThat(process.exitValue()).isZero();
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void serve_withJsonLogFormat_logsOneJsonObjectPerLine(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("stderr.log");
        ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                "io.gatepass.cli.Main", "serve", "--port", "0", "--tls-port", "off", "--log-format", "json",
                "--data-dir", dir.resolve("data").toString());
        builder.redirectError(log.toFile());
        Process process = builder.start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String line;
            boolean ready = false;
            while (!ready && (line = out.readLine()) != null) {
                ready = line.startsWith("Gatepass ready at ");
            }
            assertThat(ready).as("ready; stderr: %s", Files.readString(log)).isTrue();
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            List<String> logLines = Files.readAllLines(log).stream().filter(l -> !l.isBlank()).toList();
            assertThat(logLines).isNotEmpty().allSatisfy(l -> assertThat(l).startsWith("{").endsWith("}"));
            assertThat(logLines).anySatisfy(l -> assertThat(l).contains("listening on 127.0.0.1:"));
            assertThat(logLines).noneSatisfy(l -> assertThat(l).contains("listening with TLS"));
            assertThat(dir.resolve("data/tls")).doesNotExist();
        } finally {
            process.destroyForcibly();
        }
    }

    private static javax.net.ssl.SSLContext trusting(Path certificate) throws Exception {
        java.security.KeyStore store = java.security.KeyStore.getInstance(java.security.KeyStore.getDefaultType());
        store.load(null, null);
        try (var in = Files.newInputStream(certificate)) {
            store.setCertificateEntry("gatepass",
                    java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        var trust = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
