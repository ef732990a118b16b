package io.gatepass.cli.testing;

import io.gatepass.cli.internal.aws.AwsCommandLine;
import io.gatepass.cli.internal.aws.CliIo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code gatepass} command lines in-process (through {@link AwsCommandLine}) or the real aws CLI as a process,
 * with a private home directory and an environment that holds only what the test gives it.
 */
public final class CliRun {

    /** What one run printed and returned. */
    public record Result(int exitCode, String out, String err) {
    }

    private final Path home;
    private final Map<String, String> env = new HashMap<>();
    private String stdin = "";
    private boolean terminal;

    private CliRun(Path home) {
        this.home = home;
        env.put("HOME", home.toString());
        env.put("AWS_CONFIG_FILE", home.resolve(".aws/config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve(".aws/credentials").toString());
        env.put("TZ", "UTC");
        env.put("AWS_PAGER", "");
    }

    /** A run with an empty home directory and no AWS settings. */
    public static CliRun inHome(Path home) {
        return new CliRun(home);
    }

    /** A run whose environment holds the administrator's keys, the region and the server's endpoint. */
    public static CliRun against(CliTestServer server, Path home) {
        return new CliRun(home)
                .env("AWS_ACCESS_KEY_ID", CliTestServer.ADMIN_ID)
                .env("AWS_SECRET_ACCESS_KEY", CliTestServer.ADMIN_SECRET)
                .env("AWS_DEFAULT_REGION", CliTestServer.REGION)
                .env("AWS_ENDPOINT_URL", server.endpoint());
    }

    public CliRun env(String name, String value) {
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
        return this;
    }

    public CliRun stdin(String text) {
        this.stdin = text;
        return this;
    }

    /** Pretend stdin and stdout are a terminal (pager, colour and auto-prompt depend on it). */
    public CliRun terminal(boolean terminal) {
        this.terminal = terminal;
        return this;
    }

    /** Writes a file under the home directory, e.g. {@code file(".aws/config", "[default]\nregion = eu-west-1\n")}. */
    public CliRun file(String relative, String content) {
        try {
            Path path = home.resolve(relative);
            Files.createDirectories(path.getParent());
            Files.writeString(path, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path home() {
        return home;
    }

    public Map<String, String> environment() {
        return Map.copyOf(env);
    }

    /** Runs {@code gatepass args...} in this JVM. */
    public Result gatepass(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            CliIo io = new CliIo(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), outStream,
                    errStream, Map.copyOf(env), home, terminal, terminal);
            int code = AwsCommandLine.run(args, io);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    /** Runs an installed aws CLI (give its full path) as a process with this run's environment. */
    public Result aws(Path aws, String... args) {
        try {
            List<String> command = new java.util.ArrayList<>();
            command.add(aws.toString());
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
            builder.environment().putAll(env);
            Process process = builder.start();
            process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            // stderr is drained beside stdout, so a long --debug trace cannot fill its pipe and stall the process.
            java.util.concurrent.CompletableFuture<byte[]> errBytes = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> readAll(process.getErrorStream()));
            byte[] outBytes = process.getInputStream().readAllBytes();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("aws did not finish: " + command);
            }
            return new Result(process.exitValue(), new String(outBytes, StandardCharsets.UTF_8),
                    new String(errBytes.join(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] readAll(java.io.InputStream stream) {
        try {
            return stream.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
