package io.gatepass.cli;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Ctrl-C during a call ends the command line with exit code 130, as aws v2 does. */
class CommandLineInterruptTest {

    @Test
    void sigint_whileWaitingForTheServer_exits130() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // env --default-signal=INT: a test started from a background shell inherits an ignored SIGINT.
            ProcessBuilder builder = new ProcessBuilder(List.of("env", "--default-signal=INT",
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "io.gatepass.cli.Main",
                    "--endpoint-url", "http://127.0.0.1:" + silent.getLocalPort(), "sts", "get-caller-identity"));
            builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
            builder.environment().put("AWS_ACCESS_KEY_ID", "AKIAINTERRUPTTEST000");
            builder.environment().put("AWS_SECRET_ACCESS_KEY", "interruptTestSecretinterruptTestSecret00");
            builder.environment().put("AWS_REGION", "us-east-1");
            builder.environment().put("AWS_CONFIG_FILE", "/nonexistent");
            builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent");
            builder.redirectErrorStream(true);
            Process process = builder.start();
            try (Socket connection = silent.accept()) {
                assertThat(connection.isConnected()).as("the command line is waiting for a response").isTrue();
                new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
                assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exited after SIGINT").isTrue();
            } finally {
                process.destroyForcibly();
            }
            assertThat(process.exitValue()).isEqualTo(130);
        }
    }
}
