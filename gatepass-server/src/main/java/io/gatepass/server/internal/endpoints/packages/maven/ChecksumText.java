package io.gatepass.server.internal.endpoints.packages.maven;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The body of an uploaded checksum file ({@code lib-1.0.jar.sha1}). Maven sends the bare hex digest; other tools
 * write {@code <hex>  <file name>} (coreutils, also with {@code *} before binary file names) or
 * {@code SHA1 (<file name>) = <hex>} (BSD). All are read; the digest is compared in lower case, as served.
 */
public final class ChecksumText {
    /** Larger bodies are not checksum files. */
    public static final int MAX_BYTES = 1024;

    // possessive: with backtracking, a hex digest, ~1000 blanks and a stray last line cost seconds of CPU per request
    private static final Pattern COREUTILS = Pattern.compile("([0-9A-Fa-f]+)(?:[ \\t]++\\*?[^\\r\\n]*+)?\\s*+");
    private static final Pattern BSD = Pattern.compile("[A-Za-z0-9-]+ ?\\([^\\r\\n]*\\) ?= ?([0-9A-Fa-f]+)\\s*");

    private ChecksumText() {
    }

    /**
     * The digest in {@code body}, in lower case.
     *
     * @return empty when the body is not a checksum of {@code algorithm}'s length in one of the accepted forms
     */
    public static Optional<String> parse(ChecksumAlgorithm algorithm, byte[] body) {
        if (body.length > MAX_BYTES) {
            return Optional.empty();
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        for (Pattern form : new Pattern[] {COREUTILS, BSD}) {
            Matcher matcher = form.matcher(text);
            if (matcher.matches() && matcher.group(1).length() == algorithm.hexLength()) {
                return Optional.of(matcher.group(1).toLowerCase(Locale.ROOT));
            }
        }
        return Optional.empty();
    }
}
