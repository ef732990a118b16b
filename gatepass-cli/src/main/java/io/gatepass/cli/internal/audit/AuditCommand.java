package io.gatepass.cli.internal.audit;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gatepass audit}: commands that read the server's audit log. */
@Command(name = "audit", mixinStandardHelpOptions = true, subcommands = AuditTailCommand.class,
        description = "Read Gatepass's audit log (token mints, refusals, revocations, changes).")
public final class AuditCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
