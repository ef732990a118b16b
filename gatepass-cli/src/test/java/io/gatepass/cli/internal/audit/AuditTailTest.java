package io.gatepass.cli.internal.audit;

import io.gatepass.core.testing.ManualClock;
import io.gatepass.server.internal.audit.AuditEvent;
import io.gatepass.server.internal.audit.AuditLine;
import io.gatepass.server.internal.audit.RotatingAuditFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code gatepass audit tail} over a log the server's own writer classes made: three rotated files and the current
 * one, an hour of events with a fixed "now" at the end.
 */
class AuditTailTest {
    private static final Instant START = Instant.parse("2026-12-06T10:00:00Z");
    private static final Instant NOW = START.plus(Duration.ofMinutes(60));
    private static final String ROOT = "arn:aws:iam::123456789012:root";
    private static final String CI = "arn:aws:iam::123456789012:user/ci";

    @TempDir
    Path dir;
    private Path log;
    private final ManualClock clock = new ManualClock(START);
    private final List<String> written = new ArrayList<>();

    @BeforeEach
    void writeLog() throws Exception {
        log = dir.resolve("audit").resolve("audit.log");
        try (RotatingAuditFile file = new RotatingAuditFile(log, 4000, false, 100, clock)) {
            for (int minute = 0; minute < 60; minute++) {
                clock.set(START.plus(Duration.ofMinutes(minute)));
                boolean byCi = minute % 3 == 0;
                AuditEvent event = AuditEvent.at(clock.instant(), minute % 10 == 0 ? AuditEvent.Kind.MINT
                                : AuditEvent.Kind.CHANGE)
                        .action(minute % 10 == 0 ? "sts:GetSessionToken" : "iam:CreateUser")
                        .failure(minute % 7 == 0 ? "AccessDenied" : null)
                        .principal(byCi ? CI : ROOT, "123456789012", byCi ? "AKIACI0000000000" : "AKIAROOT00000000")
                        .resource("arn:aws:iam::123456789012:user/u" + minute)
                        .source("127.0.0.1", "req-" + minute).build();
                String line = AuditLine.format(event);
                file.append(line, event.time());
                written.add(line);
            }
        }
        assertThat(RotatingAuditFile.rotated(log)).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void tail_byDefault_printsTheLast20AsATable() {
        Run run = tail();
        assertThat(run.exit).isZero();
        List<String> rows = run.outLines();
        assertThat(rows.get(0)).startsWith("TIME").contains("ACTION", "PRINCIPAL", "RESOURCE", "OUTCOME");
        assertThat(rows).hasSize(21);
        assertThat(rows.get(1)).startsWith("2026-12-06T10:40:00.000Z").contains("mint", "sts:GetSessionToken");
        assertThat(rows.get(2)).startsWith("2026-12-06T10:41:00.000Z").contains("change", "success",
                "iam:CreateUser", ROOT, "arn:aws:iam::123456789012:user/u41", "127.0.0.1");
        assertThat(rows.get(20)).startsWith("2026-12-06T10:59:00.000Z");
    }

    @Test
    void tail_json_printsTheLinesAsWritten_acrossRotatedFiles() {
        Run run = tail("--output", "json", "-n", "100");
        assertThat(run.outLines()).containsExactlyElementsOf(written);
    }

    @Test
    void tail_filters_combine() {
        assertThat(json("--principal", CI)).hasSize(20).allMatch(l -> l.contains(CI));
        assertThat(json("--principal", "AKIACI0000000000")).hasSize(20);
        assertThat(json("--principal", "arn:aws:iam::*:user/c*")).hasSize(20);
        assertThat(json("--action", "sts:GetSessionToken")).hasSize(6).allMatch(l -> l.contains("\"mint\""));
        assertThat(json("--action", "createuser")).hasSize(54);
        assertThat(json("--action", "sts:*")).hasSize(6);
        assertThat(json("--outcome", "failure")).hasSize(9).allMatch(l -> l.contains("AccessDenied"));
        assertThat(json("--outcome", "success")).hasSize(51);
        assertThat(json("--resource", "arn:aws:iam::123456789012:user/u4*")).hasSize(11);
        assertThat(json("--principal", CI, "--outcome", "failure")).hasSize(3); // minutes 0, 21, 42
    }

    @Test
    void tail_since_readsRotatedFilesFromThatTime() {
        assertThat(json("--since", "15m")).hasSize(15).first().asString().contains("2026-12-06T10:45:00.000Z");
        assertThat(json("--since", "2026-12-06T10:05:00Z")).hasSize(55);
        assertThat(json("--since", "2026-12-06T11:05:00+01:00")).hasSize(55);
        assertThat(json("--since", "2026-12-06")).hasSize(60);
    }

    @Test
    void tail_since_skipsRotatedFilesClosedBeforeIt() throws Exception {
        Path oldest = RotatingAuditFile.rotated(log).get(0);
        // a line with a recent time in a file closed long ago: never read with --since after its closing
        Files.writeString(oldest, Files.readString(oldest) + written.get(59) + "\n");
        assertThat(json("--since", "10m")).hasSize(10);
        assertThat(json()).as("without --since every file is read").hasSize(61);
    }

    @Test
    void tail_badOptions_exit2_andNoLog_exit1() {
        assertThat(tail("--outcome", "maybe").exit).isEqualTo(2);
        assertThat(tail("--since", "yesterday").exit).isEqualTo(2);
        assertThat(tail("--output", "yaml").exit).isEqualTo(2);
        Run missing = run(Map.of(), null, "--data-dir", dir.resolve("nowhere").toString());
        assertThat(missing.exit).isEqualTo(1);
        assertThat(missing.err).contains("no audit log at");
    }

    @Test
    void tail_findsTheLogFromTheEnvironment() {
        Run run = run(Map.of("GATEPASS_DATA_DIR", dir.toString()), null, "--output", "json", "-n", "1");
        assertThat(run.outLines()).containsExactly(written.get(59));
        run = run(Map.of("GATEPASS_AUDIT_LOG", log.toString()), null, "--output", "json", "-n", "1");
        assertThat(run.outLines()).containsExactly(written.get(59));
    }

    @Test
    void follow_printsNewLines_acrossARotation_thenStopsWhenTold() throws Exception {
        List<String> added = new ArrayList<>();
        RotatingAuditFile writer = new RotatingAuditFile(log, 4000, false, 100, clock);
        int[] polls = {0};
        AuditTail.Pause script = () -> {
            try {
                return poll(++polls[0], writer, added);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        int rotatedBefore = RotatingAuditFile.rotated(log).size();
        Run run = run(Map.of(), script, "--file", log.toString(), "-f", "-n", "0", "--outcome", "success",
                "--output", "json");
        assertThat(run.exit).isZero();
        assertThat(RotatingAuditFile.rotated(log).size()).as("the file rotated while followed")
                .isGreaterThan(rotatedBefore);
        assertThat(run.outLines()).containsExactlyElementsOf(added);
    }

    /** One poll of the follow script: three more lines (one a failure) for 12 polls, then stop. */
    private boolean poll(int poll, RotatingAuditFile writer, List<String> added) throws java.io.IOException {
        if (poll > 12) { // by then enough lines were written to rotate the file at least once
            writer.close();
            return false;
        }
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofSeconds(1));
            String line = AuditLine.format(AuditEvent.at(clock.instant(), AuditEvent.Kind.REVOCATION)
                    .action("iam:DeleteAccessKey").principal(CI, "123456789012", "AKIACI0000000000")
                    .failure(i == 1 ? "NoSuchEntity" : null).build());
            writer.append(line, clock.instant());
            writer.flush();
            if (i != 1) {
                added.add(line);
            }
        }
        return true;
    }

    private List<String> json(String... args) {
        String[] all = Arrays.copyOf(args, args.length + 4);
        all[args.length] = "--output";
        all[args.length + 1] = "json";
        all[args.length + 2] = "-n";
        all[args.length + 3] = "1000";
        if (Arrays.asList(args).contains("--since")) {
            all = Arrays.copyOf(args, args.length + 2);
            all[args.length] = "--output";
            all[args.length + 1] = "json";
        }
        Run run = tail(all);
        assertThat(run.exit).as(run.err).isZero();
        return run.outLines();
    }

    private Run tail(String... args) {
        String[] all = Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--data-dir";
        all[args.length + 1] = dir.toString();
        return run(Map.of(), null, all);
    }

    private Run run(Map<String, String> env, AuditTail.Pause pause, String... args) {
        clock.set(NOW);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new CommandLine(new AuditTailCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), clock, env::get, pause)).execute(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int exit, String out, String err) {
        List<String> outLines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\n"));
        }
    }
}
