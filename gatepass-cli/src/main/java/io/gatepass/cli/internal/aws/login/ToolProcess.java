package io.gatepass.cli.internal.aws.login;

import io.gatepass.cli.internal.aws.CliException;
import io.gatepass.cli.internal.aws.CliIo;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs a tool's configuration command as aws does: the program found on the PATH of the command line's environment,
 * that environment for the child (so HOME and the tool's config locations follow it), output captured and dropped.
 */
final class ToolProcess {

    /** Python's os.defpath, which aws's subprocess falls back on when PATH is unset. */
    private static final String DEFAULT_PATH = "/bin:/usr/bin";

    private ToolProcess() {
    }

    /**
     * @param tool         the tool's name for the "not found" message
     * @param ignoreErrors whether a non-zero exit is ignored (aws ignores it for npm's always-auth)
     * @param secret       the token, replaced by {@code <redacted>} in error messages
     */
    static void run(String tool, List<String> command, CliIo io, boolean ignoreErrors, String secret) {
        Path program = find(command.get(0), io);
        if (program == null) {
            throw CliException.other(tool + " was not found. Please verify installation.", null);
        }
        List<String> resolved = new ArrayList<>(command);
        resolved.set(0, program.toString());
        ProcessBuilder builder = new ProcessBuilder(resolved).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(io.env());
        int exitCode;
        try {
            Process process = builder.start();
            try (InputStream output = process.getInputStream()) {
                output.transferTo(OutputStream.nullOutputStream()); // dropped, as aws's capture_output does
            }
            exitCode = process.waitFor();
        } catch (IOException e) {
            throw CliException.other(tool + " was not found. Please verify installation.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CliException.other("interrupted while running " + tool, e);
        }
        if (exitCode != 0 && !ignoreErrors) {
            throw CliException.other("Command '" + pythonList(command).replace(secret, "<redacted>")
                    + "' returned non-zero exit status " + exitCode + ".", null);
        }
    }

    /** The executable named {@code name} on the environment's PATH, or null. */
    static Path find(String name, CliIo io) {
        if (name.contains("/")) {
            Path path = Path.of(name);
            return Files.isExecutable(path) ? path : null;
        }
        String searchPath = io.env().getOrDefault("PATH", DEFAULT_PATH);
        for (String directory : searchPath.split(File.pathSeparator, -1)) {
            Path candidate = Path.of(directory.isEmpty() ? "." : directory, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static String pythonList(List<String> command) {
        return command.stream().map(arg -> "'" + arg + "'").collect(Collectors.joining(", ", "[", "]"));
    }
}
