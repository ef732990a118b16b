package io.gatepass.cli.internal.aws.call;

import io.gatepass.cli.internal.aws.CliException;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.AbortableInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Saves a streaming response body (get-package-version-asset's asset) to aws's {@code <outfile>}: opened only once
 * the service has answered with success, created or truncated (as Python's {@code open(name, 'wb')}: a lone "-" is a
 * file of that name, not stdout), and copied through a small buffer, so the body is never held in memory. A file
 * that cannot be opened fails as aws reports it, e.g. "[Errno 2] No such file or directory: 'dir/file'" (exit 255).
 * The response members (from the headers) are returned for printing.
 */
public final class StreamingOutputFile implements ResponseTransformer<Object, Object> {

    private static final int BUFFER_BYTES = 32 * 1024;

    private final String name;

    /** @param name the outfile as given on the command line */
    public StreamingOutputFile(String name) {
        this.name = name;
    }

    @Override
    public Object transform(Object response, AbortableInputStream body) throws IOException {
        try (InputStream in = body; OutputStream out = open()) {
            byte[] buffer = new byte[BUFFER_BYTES];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                out.write(buffer, 0, read);
            }
        }
        return response;
    }

    private OutputStream open() {
        Path file = Path.of(name);
        try {
            return Files.newOutputStream(file);
        } catch (NoSuchFileException e) {
            throw failure("[Errno 2] No such file or directory", e);
        } catch (AccessDeniedException e) {
            throw failure("[Errno 13] Permission denied", e);
        } catch (IOException e) {
            if (Files.isDirectory(file)) {
                throw failure("[Errno 21] Is a directory", e);
            }
            throw CliException.other(e.getMessage(), new UncheckedIOException(e));
        }
    }

    private CliException failure(String reason, IOException cause) {
        return CliException.other(reason + ": " + pythonRepr(name), cause);
    }

    /** Python's repr of a file name: single quotes, or double quotes when the name holds a single quote only. */
    private static String pythonRepr(String text) {
        if (text.contains("'") && !text.contains("\"")) {
            return "\"" + text.replace("\\", "\\\\") + "\"";
        }
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
