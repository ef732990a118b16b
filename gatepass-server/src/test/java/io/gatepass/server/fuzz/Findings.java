package io.gatepass.server.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What one fuzz run found. Each new finding is also written as a corpus file under
 * {@code target/fuzz-findings/}, ready to be reviewed and moved into {@code src/test/resources/fuzz-corpus/}.
 * Findings that a listed {@link KnownDefect} explains are counted, not failed.
 */
public final class Findings {
    private static final int SHOWN = 5;
    private static final Path OUT = Path.of("target", "fuzz-findings");

    private final String fuzzer;
    private final List<String> failures = new ArrayList<>();
    private final List<KnownDefect> excused = new ArrayList<>();
    private final java.util.Map<KnownDefect, String> examples = new java.util.EnumMap<>(KnownDefect.class);

    public Findings(String fuzzer) {
        this.fuzzer = fuzzer;
    }

    /**
     * Records a bad answer (or a hang, when {@code response} is null).
     *
     * @param signFor the service the request was signed for before sending, or null
     */
    public void add(String where, String problem, RawRequest unsigned, String signFor, RawHttp.Response response) {
        KnownDefect known = response == null ? null : KnownDefect.explaining(unsigned, response);
        if (known != null) {
            excused.add(known);
            if (examples.putIfAbsent(known, where + "\n" + unsigned + "\n=> " + response) == null) {
                write(fuzzer + "-known-" + known, fuzzer + ": " + problem + " at " + where + "\nknown-defect: "
                        + known, signFor, unsigned);
            }
            return;
        }
        String finding = fuzzer + ": " + problem + " at " + where;
        failures.add(finding + "\n" + unsigned + "\n=> " + (response == null ? "no answer" : response));
        write(fuzzer + "-" + failures.size(), finding, signFor, unsigned);
    }

    private static void write(String name, String finding, String signFor, RawRequest request) {
        try {
            Files.createDirectories(OUT);
            Files.writeString(OUT.resolve(name + ".http"), CorpusEntry.format(finding, signFor, request),
                    StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails with the first few findings when there are any. */
    public void assertNone() {
        if (!excused.isEmpty()) {
            System.out.println(fuzzer + ": " + excused.size() + " answers explained by known defects "
                    + excused.stream().distinct().toList() + " (see fuzz-corpus/known-failures.txt); examples:");
            examples.forEach((defect, example) -> System.out.println(defect + ": " + example));
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " findings (corpus files in " + OUT.toAbsolutePath()
                    + "); the first:\n\n" + String.join("\n\n", failures.subList(0, Math.min(SHOWN,
                    failures.size()))));
        }
    }
}
