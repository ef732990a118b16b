package io.gatepass.server.internal.endpoints.packages.pypi;

import io.gatepass.core.error.ServiceException;
import io.gatepass.server.internal.api.codeartifact.CodeArtifactErrors;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A streaming reader of a {@code multipart/form-data} body (RFC 7578): part headers one part at a time, each body
 * copied to a sink as it arrives, with only a fixed buffer in memory. Every malformation is a 400
 * {@link ServiceException}; an {@link IOException} means the stream itself failed.
 */
final class MultipartReader {
    static final int MAX_HEADER_LINE = 8 * 1024;
    static final int MAX_HEADERS_PER_PART = 32;
    private static final int BUFFER = 64 * 1024;

    private final InputStream in;
    private final byte[] delimiter;
    private final byte[] buffer;
    private int start;
    private int end;
    private boolean eof;
    private boolean finished;

    /** A part's headers: names in lower case, in order. */
    record Part(List<Header> headers) {
        String header(String name) {
            for (Header header : headers) {
                if (header.name().equals(name)) {
                    return header.value();
                }
            }
            return null;
        }
    }

    record Header(String name, String value) {
    }

    MultipartReader(InputStream in, String boundary) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.buffer = new byte[Math.max(BUFFER, delimiter.length * 4)];
        // The first boundary has no line break before it: pretend there was one, and the preamble is a body to skip.
        buffer[0] = '\r';
        buffer[1] = '\n';
        end = 2;
    }

    /** The boundary parameter of a {@code multipart/form-data} Content-Type, checked (RFC 2046: 1 to 70 characters). */
    static String boundary(String contentType) {
        if (contentType == null) {
            throw invalid("Missing Content-Type: an upload is multipart/form-data");
        }
        String[] parts = contentType.split(";", -1);
        if (!parts[0].trim().equalsIgnoreCase("multipart/form-data")) {
            throw invalid("Unsupported Content-Type '%s': an upload is multipart/form-data", shorten(parts[0].trim()));
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            int equals = parameter.indexOf('=');
            if (equals > 0 && parameter.substring(0, equals).trim().equalsIgnoreCase("boundary")) {
                String value = parameter.substring(equals + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                if (value.isEmpty() || value.length() > 70
                        || !value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                    throw invalid("Invalid multipart boundary: 1 to 70 printable ASCII characters are allowed");
                }
                return value;
            }
        }
        throw invalid("Missing boundary parameter in the multipart/form-data Content-Type");
    }

    /** Moves past the preamble to the first part. */
    void start() throws IOException {
        copyBody(OutputStream.nullOutputStream(), Long.MAX_VALUE, "preamble");
        afterDelimiter();
    }

    /** The next part's headers, or null after the closing delimiter. */
    Part next() throws IOException {
        if (finished) {
            return null;
        }
        List<Header> headers = new ArrayList<>();
        while (true) {
            String line = readLine();
            if (line.isEmpty()) {
                return new Part(headers);
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && !headers.isEmpty()) {
                Header last = headers.remove(headers.size() - 1);
                headers.add(new Header(last.name(), last.value() + " " + line.strip()));
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw invalid("Malformed multipart part header");
            }
            if (headers.size() == MAX_HEADERS_PER_PART) {
                throw invalid("Too many headers in one multipart part (at most %d)", MAX_HEADERS_PER_PART);
            }
            headers.add(new Header(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    line.substring(colon + 1).strip()));
        }
    }

    /**
     * Copies the current part's body to {@code sink}, at most {@code limit} bytes, and moves to the next delimiter.
     *
     * @throws ServiceException when the body is longer than the limit ({@code tooLarge}) or the stream ends early
     */
    long body(OutputStream sink, long limit, String what) throws IOException {
        long size = copyBody(sink, limit, what);
        afterDelimiter();
        return size;
    }

    private long copyBody(OutputStream sink, long limit, String what) throws IOException {
        long copied = 0;
        while (true) {
            int found = indexOfDelimiter();
            int safeEnd = found >= 0 ? found : Math.max(start, end - (delimiter.length - 1));
            int n = safeEnd - start;
            if (n > 0) {
                if (copied + n > limit) {
                    throw tooLarge(what, limit);
                }
                sink.write(buffer, start, n);
                copied += n;
                start = safeEnd;
            }
            if (found >= 0) {
                start = found + delimiter.length;
                return copied;
            }
            if (!fill()) {
                throw invalid("The multipart body ended inside %s, before its closing boundary", what);
            }
        }
    }

    /** After a delimiter: {@code --} closes the body; otherwise optional padding and a line break start a part. */
    private void afterDelimiter() throws IOException {
        while (end - start < 2 && fill()) {
            // need two bytes to tell a closing delimiter
        }
        if (end - start >= 2 && buffer[start] == '-' && buffer[start + 1] == '-') {
            finished = true; // the epilogue, if any, is ignored
            return;
        }
        if (!readLine().isBlank()) {
            throw invalid("Malformed multipart boundary line");
        }
    }

    /** One line (CRLF or LF ended), ISO-8859-1 (header values are ASCII; UTF-8 bytes survive as chars). */
    private String readLine() throws IOException {
        int scanned = 0; // bytes after start already known to hold no line feed
        while (true) {
            for (int i = start + scanned; i < end; i++) {
                if (buffer[i] == '\n') {
                    int lineEnd = i > start && buffer[i - 1] == '\r' ? i - 1 : i;
                    String line = new String(buffer, start, lineEnd - start, StandardCharsets.ISO_8859_1);
                    start = i + 1;
                    return line;
                }
            }
            scanned = end - start;
            if (scanned > MAX_HEADER_LINE) {
                throw invalid("A multipart header line is longer than %d bytes", MAX_HEADER_LINE);
            }
            if (!fill()) {
                throw invalid("The multipart body ended inside a part's headers");
            }
        }
    }

    private int indexOfDelimiter() {
        byte first = delimiter[0];
        int last = end - delimiter.length;
        outer:
        for (int i = start; i <= last; i++) {
            if (buffer[i] != first) {
                continue;
            }
            for (int j = 1; j < delimiter.length; j++) {
                if (buffer[i + j] != delimiter[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Reads more bytes, compacting first; false at the end of the stream. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buffer.length) {
            return true; // full of undelivered bytes: the caller consumes some first
        }
        int n = in.read(buffer, end, buffer.length - end);
        if (n < 0) {
            eof = true;
            return false;
        }
        end += n;
        return true;
    }

    private static String shorten(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }

    static ServiceException invalid(String format, Object... args) {
        return CodeArtifactErrors.VALIDATION.exception(format, args);
    }

    static ServiceException tooLarge(String what, long limit) {
        return io.gatepass.server.internal.api.CommonErrors.REQUEST_ENTITY_TOO_LARGE.exception(
                "The upload's %s is larger than the limit of %d bytes", what, limit);
    }
}
