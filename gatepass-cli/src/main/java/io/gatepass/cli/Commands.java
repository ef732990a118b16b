package io.gatepass.cli;

import picocli.CommandLine;

/**
 * The picocli commands ({@code serve}, {@code agent}, {@code store}, {@code audit}, {@code keys}) as one
 * {@link CommandLine}. Kept out of {@link Main}: the JVM's launcher looks up {@code main} among Main's public methods,
 * which loads every type their signatures name, so a picocli type there would load picocli's largest class (74 KB,
 * from the jar: the command line's archives do not hold it) on every call of the AWS-CLI-compatible command line.
 */
public final class Commands {

    private Commands() {
    }

    /**
     * {@code gatepass <command>} for one of the picocli commands: only that command's model is built (picocli reads
     * every option's annotations; the five commands' models cost a cold JVM about twice the CPU of serve's alone, some
     * 0.2 s of a start, issue 12). Help and errors read as before, since the command named first is the one that runs.
     */
    public static CommandLine commandLine(String command) {
        Class<?> type = switch (command) {
            case "serve" -> ServeCommand.class;
            case "agent" -> io.gatepass.cli.internal.agent.AgentCommand.class;
            case "store" -> io.gatepass.cli.internal.store.StoreCommand.class;
            case "audit" -> io.gatepass.cli.internal.audit.AuditCommand.class;
            case "keys" -> io.gatepass.cli.internal.store.KeysCommand.class;
            default -> throw new IllegalArgumentException("not a gatepass command: " + command);
        };
        // a CommandLine of its own first: picocli applies a command's model transformer (serve's and agent's options)
        // when a CommandLine is made for it, not when a command is added to another one
        return new CommandLine(new Main()).addSubcommand(new CommandLine(type));
    }
}
