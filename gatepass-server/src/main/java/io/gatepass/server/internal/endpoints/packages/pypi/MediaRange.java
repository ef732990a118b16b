package io.gatepass.server.internal.endpoints.packages.pypi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One media range of an {@code Accept} header: type, subtype (lower case) and q-value (0 to 1). */
record MediaRange(String type, String subtype, double quality) {
    private static final int MAX_RANGES = 64;

    /** The well-formed ranges of a header; malformed ones (no slash, a bad q) are skipped, as if not sent. */
    static List<MediaRange> parseAll(String header) {
        List<MediaRange> ranges = new ArrayList<>();
        for (String element : header.split(",")) {
            if (ranges.size() == MAX_RANGES) {
                break;
            }
            MediaRange range = parse(element);
            if (range != null) {
                ranges.add(range);
            }
        }
        return ranges;
    }

    private static MediaRange parse(String element) {
        String[] parts = element.split(";", -1);
        String mediaType = parts[0].trim().toLowerCase(Locale.ROOT);
        int slash = mediaType.indexOf('/');
        if (slash <= 0 || slash == mediaType.length() - 1 || mediaType.indexOf('/', slash + 1) >= 0
                || mediaType.chars().anyMatch(c -> c <= ' ' || c >= 0x7f)) {
            return null;
        }
        String type = mediaType.substring(0, slash);
        String subtype = mediaType.substring(slash + 1);
        if (type.equals("*") && !subtype.equals("*")) {
            return null;
        }
        double quality = 1.0;
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            int equals = parameter.indexOf('=');
            if (equals < 0 || !parameter.substring(0, equals).trim().equalsIgnoreCase("q")) {
                continue;
            }
            Double q = qValue(parameter.substring(equals + 1).trim());
            if (q == null) {
                return null;
            }
            quality = q;
            break; // what follows q are accept-extensions, not media type parameters
        }
        return new MediaRange(type, subtype, quality);
    }

    /** RFC 9110 qvalue: 0, 0.ddd, 1 or 1.000; null otherwise. */
    private static Double qValue(String text) {
        if (!text.matches("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?")) {
            return null;
        }
        return Double.parseDouble(text.endsWith(".") ? text + "0" : text);
    }
}
