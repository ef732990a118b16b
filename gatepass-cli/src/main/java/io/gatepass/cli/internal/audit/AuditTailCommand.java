package io.gatepass.cli.internal.audit;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code gatepass audit tail}: prints the audit log's lines that match the filters, the last {@code -n} of them
 * (all of them with {@code --since}), and with {@code -f} goes on printing new ones until interrupted. Exit code 0,
 * 1 when there is no audit log, 2 for bad options.
 */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = "Print the audit log (JSON lines, rotated files included), filtered; -f follows it.")
public final class AuditTailCommand implements Callable<Integer> {
    static final int DEFAULT_LINES = 20;
    private static final long POLL_MILLIS = 500;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "The server's data directory (default: GATEPASS_DATA_DIR or ./gatepass-data)")
    String dataDir;

    @Option(names = "--file", paramLabel = "FILE",
            description = "The audit log (default: GATEPASS_AUDIT_LOG or <data-dir>/audit/audit.log)")
    Path file;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new lines as they are written")
    boolean follow;

    @Option(names = {"-n", "--lines"}, paramLabel = "N",
            description = "Print the last N matching lines (default 20; all with --since)")
    Integer lines;

    @Option(names = "--principal", paramLabel = "ARN|KEY",
            description = "Only this principal ARN or access key id (* matches anything)")
    String principal;

    @Option(names = "--action", paramLabel = "ACTION",
            description = "Only this action, e.g. iam:CreateUser, CreateUser or iam:* (case ignored)")
    String action;

    @Option(names = "--outcome", paramLabel = "success|failure", description = "Only this outcome")
    String outcome;

    @Option(names = "--resource", paramLabel = "ARN", description = "Only this resource ARN (* matches anything)")
    String resource;

    @Option(names = "--since", paramLabel = "WHEN",
            description = "Only lines since a time ago (10m, 2h, 1d) or an ISO time (2026-12-06T11:00:00Z)")
    String since;

    @Option(names = "--output", paramLabel = "text|json", description = "Output format (default text)")
    String output = "text";

    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;
    private final Function<String, String> environment;
    private final AuditTail.Pause pause;

    public AuditTailCommand() {
        this(System.out, System.err, Clock.systemUTC(), System::getenv, () -> {
            Thread.sleep(POLL_MILLIS);
            return true;
        });
    }

    /** @param pause how following waits between polls (tests stop it) */
    public AuditTailCommand(PrintStream out, PrintStream err, Clock clock, Function<String, String> environment,
                            AuditTail.Pause pause) {
        this.out = out;
        this.err = err;
        this.clock = clock;
        this.environment = environment;
        this.pause = pause;
    }

    @Override
    public Integer call() throws InterruptedException {
        AuditFilter filter;
        AuditOutput format;
        try {
            filter = new AuditFilter(principal, action, outcome, resource,
                    since == null ? null : AuditFilter.since(since, clock));
            format = AuditOutput.parse(output);
            if (lines != null && lines < 0) {
                throw new IllegalArgumentException("--lines must not be negative, got " + lines);
            }
        } catch (IllegalArgumentException e) {
            err.println("gatepass audit tail: " + e.getMessage());
            return 2;
        }
        int limit = lines != null ? lines : since != null ? -1 : DEFAULT_LINES;
        Path log = logFile();
        try {
            new AuditTail(log, filter, format).run(out, limit, follow ? pause : null);
            return 0;
        } catch (NoSuchFileException e) {
            err.println("gatepass audit tail: no audit log at " + log + " (give --data-dir or --file)");
            return 1;
        } catch (IOException e) {
            err.println("gatepass audit tail: cannot read " + log + ": " + e);
            return 1;
        }
    }

    private Path logFile() {
        if (file != null) {
            return file;
        }
        String configured = environment.apply("GATEPASS_AUDIT_LOG");
        if (configured != null && !configured.isBlank() && !configured.equals("off")) {
            return Path.of(configured);
        }
        String dir = dataDir != null ? dataDir : environment.apply("GATEPASS_DATA_DIR");
        return Path.of(dir == null || dir.isBlank() ? "./gatepass-data" : dir).resolve("audit").resolve("audit.log");
    }
}
