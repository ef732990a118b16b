package io.gatepass.server.it.pypi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's twine and pip, run as a user would run them: a HOME of their own (holding ~/.pypirc and
 * ~/.config/pip/pip.conf as {@code aws codeartifact login --tool twine|pip} writes them), no keyring, and stdin
 * from /dev/null (so pip cannot prompt, and says why instead).
 */
final class PythonTools {
    static final Path TWINE = Path.of("/usr/bin/twine");
    static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final long TIMEOUT_SECONDS = 180;

    record Result(int exitCode, String output) {
    }

    private final Path home;

    PythonTools(Path home) {
        this.home = home;
    }

    /** Why the tools cannot run here, or null when they can. */
    static String missing() {
        if (!Files.isExecutable(TWINE)) {
            return "twine is not installed (/usr/bin/twine; apt-get install twine)";
        }
        try {
            Process process = new ProcessBuilder(PYTHON.toString(), "-m", "pip", "--version")
                    .redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return "pip is not installed for /usr/bin/python3 (apt-get install python3-pip)";
            }
        } catch (IOException e) {
            return "/usr/bin/python3 cannot run: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        return null;
    }

    /** What {@code aws codeartifact login --tool twine} writes to ~/.pypirc (mode 0600). */
    void twineLogin(String endpoint, String token) throws IOException {
        Path pypirc = home.resolve(".pypirc");
        Files.writeString(pypirc, "[distutils]\nindex-servers = \n\tpypi\n\tcodeartifact\n\n[codeartifact]\n"
                + "repository = " + endpoint + "\nusername = aws\npassword = " + token + "\n\n",
                StandardCharsets.UTF_8);
        pypirc.toFile().setReadable(false, false);
        pypirc.toFile().setReadable(true, true);
    }

    /** What {@code aws codeartifact login --tool pip} makes {@code pip config set global.index-url} write. */
    void pipLogin(String endpoint, String token) throws IOException {
        String url = endpoint.replaceFirst("^(https?://)", "$1aws:" + token + "@") + "simple/";
        Path config = Files.createDirectories(home.resolve(".config/pip")).resolve("pip.conf");
        Files.writeString(config, "[global]\nindex-url = " + url + "\n", StandardCharsets.UTF_8);
    }

    /**
     * Trusts a server certificate as a user does for an https endpoint with a certificate of its own: {@code ca_cert}
     * in ~/.pypirc's repository section for twine, {@code cert} in pip.conf's global section for pip (both written by
     * the logins above, their sections last).
     */
    void trust(Path certificate) throws IOException {
        Files.writeString(home.resolve(".pypirc"), "ca_cert = " + certificate + "\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(home.resolve(".config/pip/pip.conf"), "cert = " + certificate + "\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    }

    Result twineUpload(Path... files) throws IOException, InterruptedException {
        return twineUpload(null, files);
    }

    Result twineUpload(String option, Path... files) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(TWINE.toString(), "upload", "--repository", "codeartifact",
                "--non-interactive", "--disable-progress-bar", "--verbose"));
        if (option != null) {
            command.add(option);
        }
        for (Path file : files) {
            command.add(file.toString());
        }
        return run(command);
    }

    Result pipInstall(Path target, String requirement, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), "-m", "pip", "install", "--no-deps",
                "--no-cache-dir", "--disable-pip-version-check", "--retries", "0", "--timeout", "60",
                "--target", target.toString()));
        command.addAll(List.of(options));
        command.add(requirement);
        return run(command);
    }

    private Result run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(home.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("PIP_") || key.startsWith("TWINE_") || key.startsWith("PYTHON"));
        // a machine-wide CA bundle here would override the certificate pip and twine are told to trust (requests
        // prefers these to its caller's own setting; README, TLS)
        env.remove("REQUESTS_CA_BUNDLE");
        env.remove("CURL_CA_BUNDLE");
        env.put("HOME", home.toString());
        env.put("PATH", "/usr/bin:/bin");
        env.put("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring");
        env.put("NO_COLOR", "1");
        env.remove("XDG_CONFIG_HOME");
        env.remove("http_proxy");
        env.remove("HTTP_PROXY");
        env.put("NO_PROXY", "127.0.0.1,localhost");
        Path output = Files.createTempFile(home, "output-", ".txt");
        builder.redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null")
                .toFile()));
        Process process = builder.start();
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError(command.get(0) + " did not finish within " + TIMEOUT_SECONDS + " s:\n"
                        + Files.readString(output, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(output);
        }
    }
}
