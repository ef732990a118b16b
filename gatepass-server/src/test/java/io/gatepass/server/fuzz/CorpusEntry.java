package io.gatepass.server.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One past finding under {@code src/test/resources/fuzz-corpus/}: a request as it goes on the wire, with directives
 * in leading comment lines.
 *
 * <pre>
 * # What was found, when, and by which fuzzer.
 * # sign: sts                      (sign as the administrator for this service; leave out to send as is)
 * # expect: 4xx                    (or 2xx; by default any answer that is not a failure)
 * # shape: none                    (an endpoint outside the AWS APIs: no 5xx is all that is checked)
 * # known-defect: QUERY_MALFORMED_PERCENT_ESCAPE   (see KnownDefect and known-failures.txt)
 * POST /
 * Content-Type: application/x-www-form-urlencoded
 *
 * Action=GetCallerIdentity&amp;Version=2011-06-15&amp;x=%ZZ
 * </pre>
 *
 * The body is what follows the blank line, without the file's last line break; {@code hex:} starts a binary body.
 */
public record CorpusEntry(String name, Map<String, String> directives, RawRequest request) {

    public String sign() {
        return directives.get("sign");
    }

    public String expect() {
        return directives.getOrDefault("expect", "any");
    }

    public KnownDefect knownDefect() {
        String name = directives.get("known-defect");
        return name == null ? null : KnownDefect.valueOf(name);
    }

    public static CorpusEntry read(Path file, String name) throws IOException {
        String text = Files.readString(file, StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
        Map<String, String> directives = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        while (!lines.isEmpty() && lines.get(0).startsWith("#")) {
            String comment = lines.remove(0).substring(1).trim();
            int colon = comment.indexOf(':');
            if (colon > 0 && comment.substring(0, colon).matches("[a-z-]+")) {
                directives.put(comment.substring(0, colon), comment.substring(colon + 1).trim());
            }
        }
        String[] requestLine = lines.remove(0).split(" ", 2);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        while (!lines.isEmpty() && !lines.get(0).isEmpty()) {
            String header = lines.remove(0);
            int colon = header.indexOf(':');
            headers.add(Map.entry(header.substring(0, colon).trim(), header.substring(colon + 1).trim()));
        }
        String body = lines.isEmpty() ? "" : String.join("\n", lines.subList(1, lines.size()));
        if (body.endsWith("\n")) {
            body = body.substring(0, body.length() - 1);
        }
        byte[] bytes = body.startsWith("hex:") ? HexFormat.of().parseHex(body.substring(4).trim())
                : body.getBytes(StandardCharsets.ISO_8859_1);
        return new CorpusEntry(name, directives, new RawRequest(requestLine[0], requestLine[1], headers, bytes));
    }

    /** The text of a corpus file for a new finding (written under target/ for a human to review and copy). */
    public static String format(String finding, String signFor, RawRequest request) {
        StringBuilder text = new StringBuilder();
        finding.lines().forEach(line -> text.append("# ").append(line).append('\n'));
        if (signFor != null) {
            text.append("# sign: ").append(signFor.toLowerCase(Locale.ROOT)).append('\n');
        }
        return text.append(request).append('\n').toString();
    }
}
