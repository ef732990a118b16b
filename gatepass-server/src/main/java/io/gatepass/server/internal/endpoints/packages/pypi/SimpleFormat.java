package io.gatepass.server.internal.endpoints.packages.pypi;

import java.util.List;
import java.util.Optional;

/**
 * The three forms of a simple page (PEP 503 HTML, PEP 691 HTML and JSON) and the choice among them by {@code Accept},
 * as CodeArtifact makes it: no header, {@code text/html} or {@code *}{@code /*} give HTML; the PEP 691 types (also
 * spelled {@code latest}) give their form; anything else is not acceptable (406). Between acceptable forms the
 * client's q-value decides, then the more specific media range, then the range the client listed first, then the
 * order here (HTML before JSON, so a bare wildcard gets HTML).
 */
public enum SimpleFormat {
    TEXT_HTML("text/html; charset=utf-8", "text", "html", List.of("text/html")),
    V1_HTML("application/vnd.pypi.simple.v1+html", "application", "vnd.pypi.simple.v1+html",
            List.of("application/vnd.pypi.simple.v1+html", "application/vnd.pypi.simple.latest+html")),
    V1_JSON("application/vnd.pypi.simple.v1+json", "application", "vnd.pypi.simple.v1+json",
            List.of("application/vnd.pypi.simple.v1+json", "application/vnd.pypi.simple.latest+json"));

    /** Every simple response varies by this request header. */
    public static final String VARY = "Accept";

    private final String contentType;
    private final String type;
    private final String subtype;
    private final List<String> names;

    SimpleFormat(String contentType, String type, String subtype, List<String> names) {
        this.contentType = contentType;
        this.type = type;
        this.subtype = subtype;
        this.names = names;
    }

    /** The Content-Type header of a response in this form. */
    public String contentType() {
        return contentType;
    }

    public boolean isJson() {
        return this == V1_JSON;
    }

    /**
     * The form to answer in, or empty when the client accepts none of them (406).
     *
     * @param accept the Accept header (several headers joined with commas), or null when absent
     */
    public static Optional<SimpleFormat> negotiate(String accept) {
        if (accept == null || accept.isBlank()) {
            return Optional.of(TEXT_HTML);
        }
        List<MediaRange> ranges = MediaRange.parseAll(accept);
        SimpleFormat best = null;
        Match bestMatch = null;
        for (SimpleFormat format : values()) {
            Match match = format.bestMatch(ranges);
            if (match == null || match.quality() <= 0) {
                continue;
            }
            if (bestMatch == null || match.beats(bestMatch)) {
                best = format;
                bestMatch = match;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The most specific range naming this form (the one whose q-value counts), or null. */
    private Match bestMatch(List<MediaRange> ranges) {
        Match best = null;
        for (int i = 0; i < ranges.size(); i++) {
            MediaRange range = ranges.get(i);
            int specificity = specificity(range);
            if (specificity < 0) {
                continue;
            }
            if (best == null || specificity > best.specificity()
                    || specificity == best.specificity() && range.quality() > best.quality()) {
                best = new Match(range.quality(), specificity, i);
            }
        }
        return best;
    }

    private int specificity(MediaRange range) {
        if (range.type().equals("*") && range.subtype().equals("*")) {
            return 0;
        }
        if (range.type().equals(type) && range.subtype().equals("*")) {
            return 1;
        }
        return names.contains(range.type() + "/" + range.subtype()) ? 2 : -1;
    }

    private record Match(double quality, int specificity, int position) {
        boolean beats(Match other) {
            if (quality != other.quality) {
                return quality > other.quality;
            }
            if (specificity != other.specificity) {
                return specificity > other.specificity;
            }
            return position < other.position;
        }
    }
}
