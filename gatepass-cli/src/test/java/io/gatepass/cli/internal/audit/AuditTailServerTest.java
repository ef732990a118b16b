package io.gatepass.cli.internal.audit;

import io.gatepass.cli.testing.CliRun;
import io.gatepass.cli.testing.CliTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code gatepass audit tail} on the log a real server wrote while the command line called it. */
class AuditTailServerTest {

    @Test
    void gatepass_hasTheAuditTailCommand() {
        CommandLine gatepass = io.gatepass.cli.Commands.commandLine("audit");
        assertThat(gatepass.getSubcommands().get("audit").getSubcommands()).containsKey("tail");
        ByteArrayOutputStream usage = new ByteArrayOutputStream();
        gatepass.getSubcommands().get("audit").getSubcommands().get("tail")
                .usage(new PrintStream(usage, true, StandardCharsets.UTF_8));
        assertThat(usage.toString(StandardCharsets.UTF_8)).contains("--since", "--principal", "--action",
                "--outcome", "--resource", "--follow", "--output");
    }

    @Test
    void tail_showsWhatTheCommandLineDid(@TempDir Path data, @TempDir Path home) {
        try (CliTestServer server = CliTestServer.start(data)) {
            CliRun cli = CliRun.against(server, home);
            assertThat(cli.gatepass("iam", "create-user", "--user-name", "ci").exitCode()).isZero();
            assertThat(cli.gatepass("iam", "delete-user", "--user-name", "nobody").exitCode()).isEqualTo(254);
            assertThat(cli.gatepass("iam", "list-users").exitCode()).isZero();
        } // closing the server writes out what its audit writer still held

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = new CommandLine(new AuditTailCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err, Clock.systemUTC(), Map.<String, String>of()::get, null))
                .execute("--data-dir", data.toString(), "--principal", "AKIAGATEPASSCLITEST1", "--since", "1h");
        assertThat(exit).isZero();
        String[] rows = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(rows).hasSize(3); // header, create-user, the failed delete-user; list-users is a read
        assertThat(rows[1]).contains("change", "success", "iam:CreateUser",
                "arn:aws:iam::" + CliTestServer.ACCOUNT + ":root", "arn:aws:iam::" + CliTestServer.ACCOUNT
                        + ":user/ci", "127.0.0.1");
        assertThat(rows[2]).contains("failure", "iam:DeleteUser", "NoSuchEntity");
    }
}
