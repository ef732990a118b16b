package io.gatepass.server.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

/**
 * Defects the fuzzers find that another branch is fixing (issue 14's list, branch {@code hostile}). A defect excuses a
 * finding only while its name is listed in {@code fuzz-corpus/known-failures.txt}: empty that file when the fix is
 * merged, and the fuzzers and the corpus hold the server to it. A corpus entry marked with a listed defect that no
 * longer fails makes the replay fail, so the list cannot go stale.
 */
public enum KnownDefect {
    /** Issue 14, defect 2: a malformed percent-escape in a query-protocol request is a 500. */
    QUERY_MALFORMED_PERCENT_ESCAPE((request, response) -> response.status() == 500
            && request.protocol().equals("query") && Patterns.MALFORMED_ESCAPE.matcher(
                    request.target() + " " + new String(request.body(), StandardCharsets.ISO_8859_1)).find()),
    /** Issue 14, defect 7: CBOR maps with non-text keys are accepted. Corpus only (an acceptance is no fuzz finding). */
    CBOR_NON_TEXT_KEYS_ACCEPTED((request, response) -> false),
    /** Issue 14, defect 7: CBOR {@code undefined} for an integer member is accepted. Corpus only. */
    CBOR_UNDEFINED_ACCEPTED((request, response) -> false),
    /** Issue 14, defect 7: a duplicate query parameter (Action, domain=, X-Amz-Signature) is accepted. Corpus only. */
    DUPLICATE_PARAMETER_ACCEPTED((request, response) -> false),
    /** Issue 14, defect 7: a duplicate Authorization header is accepted. Corpus only. */
    DUPLICATE_AUTHORIZATION_ACCEPTED((request, response) -> false),
    /** Issue 14, defect 7: Netty's own 4xx answers (bad request line, 414, 431) are in no AWS shape. */
    NETTY_ANSWERS_NOT_IN_AWS_SHAPE((request, response) -> response.status() >= 400 && response.status() < 500
            && response.header("x-amzn-requestid") == null);

    private static final String LIST = "/fuzz-corpus/known-failures.txt";
    private static final Set<KnownDefect> LISTED = load();

    private final BiPredicate<RawRequest, RawHttp.Response> matches;

    KnownDefect(BiPredicate<RawRequest, RawHttp.Response> matches) {
        this.matches = matches;
    }

    /** Whether this defect is still listed as expected (not yet fixed on this branch). */
    public boolean listed() {
        return LISTED.contains(this);
    }

    /** The listed defect that explains this bad answer, or null when none does (then it is a new finding). */
    public static KnownDefect explaining(RawRequest request, RawHttp.Response response) {
        for (KnownDefect defect : LISTED) {
            if (defect.matches.test(request, response)) {
                return defect;
            }
        }
        return null;
    }

    private static Set<KnownDefect> load() {
        Set<KnownDefect> listed = EnumSet.noneOf(KnownDefect.class);
        try (InputStream in = KnownDefect.class.getResourceAsStream(LIST)) {
            if (in == null) {
                return listed;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String name = line.replaceAll("#.*", "").trim();
                if (!name.isEmpty()) {
                    listed.add(KnownDefect.valueOf(name.toUpperCase(Locale.ROOT)));
                }
            }
            return listed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Patterns {
        static final Pattern MALFORMED_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");
    }
}
