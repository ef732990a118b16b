package io.gatepass.cli.internal.aws.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Output piped into a pager command run through {@code sh -c}, started only when the first byte is written (as aws's
 * lazy pager). The pager's own output goes to the real terminal when the CLI writes to System.out, otherwise it is
 * copied into the given stream. Closing waits for the pager; a pager that quits early is not an error.
 */
final class PagerStream extends OutputStream {

    private final String command;
    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;
    private Process process;
    private OutputStream stdin;
    private Thread copyOut;
    private Thread copyErr;
    private boolean broken;

    PagerStream(String command, Map<String, String> env, PrintStream out, PrintStream err) {
        this.command = command;
        this.env = env;
        this.out = out;
        this.err = err;
    }

    /**
     * Whether the program the command starts with can be found (on PATH, or as a path), so output is not lost to a
     * pager that is not installed. Commands starting with a variable assignment or shell syntax are trusted.
     */
    static boolean installed(String command, Map<String, String> env) {
        String program = command.trim().split("\\s+", 2)[0];
        if (program.isEmpty() || program.contains("=") || !program.matches("[A-Za-z0-9_./+-]+")) {
            return true;
        }
        if (program.contains("/")) {
            return Files.isExecutable(Path.of(program));
        }
        String path = env.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (String directory : path.split(":")) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, program))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[]{(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        if (broken || len == 0) {
            return;
        }
        try {
            started().write(b, off, len);
        } catch (IOException e) {
            broken = true; // the pager went away (e.g. the user quit less): drop the rest, as aws does
        }
    }

    @Override
    public synchronized void flush() {
        if (stdin != null && !broken) {
            try {
                stdin.flush();
            } catch (IOException e) {
                broken = true;
            }
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (process == null) {
            return;
        }
        try {
            stdin.close();
        } catch (IOException ignored) {
            // pager already gone
        }
        try {
            process.waitFor();
            if (copyOut != null) {
                copyOut.join();
            }
            if (copyErr != null) {
                copyErr.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
            throw new InterruptedIOException("interrupted while waiting for the pager");
        } finally {
            out.flush();
            process = null;
        }
    }

    private OutputStream started() throws IOException {
        if (process == null) {
            ProcessBuilder builder = new ProcessBuilder("sh", "-c", command);
            builder.environment().clear();
            builder.environment().putAll(env);
            builder.environment().putIfAbsent("LESS", "FRX");
            boolean realTerminal = out == System.out;
            if (realTerminal) {
                builder.redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT);
            }
            process = builder.start();
            stdin = process.getOutputStream();
            if (!realTerminal) {
                copyOut = copy(process.getInputStream(), out);
                copyErr = copy(process.getErrorStream(), err);
            }
        }
        return stdin;
    }

    private static Thread copy(InputStream from, PrintStream to) {
        Thread thread = new Thread(() -> {
            try (from) {
                from.transferTo(to);
                to.flush();
            } catch (IOException ignored) {
                // the pager closed its output
            }
        }, "pager-output");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
