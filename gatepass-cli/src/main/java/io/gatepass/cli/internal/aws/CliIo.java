package io.gatepass.cli.internal.aws;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * Everything the command line touches outside itself, so tests run it in-process: streams, environment, working
 * and home directory, and whether stdin/stdout are terminals (pager, colour and auto-prompt depend on that).
 */
public record CliIo(InputStream in, PrintStream out, PrintStream err, Map<String, String> env, Path home,
                    boolean stdinIsTerminal, boolean stdoutIsTerminal) {

    public static CliIo system() {
        boolean terminal = System.console() != null;
        return new CliIo(System.in, System.out, System.err, io.gatepass.cli.ProcessEnvironment.variables(),
                Path.of(System.getProperty("user.home")), terminal, terminal);
    }
}
