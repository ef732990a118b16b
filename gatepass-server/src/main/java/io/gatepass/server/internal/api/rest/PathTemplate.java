package io.gatepass.server.internal.api.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A parsed Smithy URI pattern: literal segments, {@code {label}} segments and at most one greedy {@code {label+}},
 * last. Matching is on percent-decoded segments, so a label's value may hold an encoded '/'.
 */
public record PathTemplate(String text, List<Segment> segments) {
    private static final Pattern LABEL_NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    /** One segment; {@code rank} orders specificity: literal, then label, then greedy label. */
    public record Segment(String value, int rank) {
        static final int LITERAL = 0;
        static final int LABEL = 1;
        static final int GREEDY = 2;

        boolean literal() {
            return rank == LITERAL;
        }
    }

    public static PathTemplate parse(String text) {
        if (!text.startsWith("/")) {
            throw new IllegalArgumentException("path template must start with '/': " + text);
        }
        if (text.contains("?") || text.contains("#")) {
            throw new IllegalArgumentException("query literals are not supported in path templates: " + text);
        }
        List<Segment> segments = new ArrayList<>();
        String[] parts = text.substring(1).split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty()) {
                if (parts.length == 1) {
                    break;
                }
                throw new IllegalArgumentException("empty segment in path template: " + text);
            }
            if (part.startsWith("{") && part.endsWith("}")) {
                boolean greedy = part.endsWith("+}");
                String name = part.substring(1, part.length() - (greedy ? 2 : 1));
                if (!LABEL_NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException("bad label {" + name + "} in path template: " + text);
                }
                if (greedy && i != parts.length - 1) {
                    throw new IllegalArgumentException("a greedy label must be the last segment: " + text);
                }
                segments.add(new Segment(name, greedy ? Segment.GREEDY : Segment.LABEL));
            } else if (part.contains("{") || part.contains("}")) {
                throw new IllegalArgumentException("a label must fill its whole segment: " + text);
            } else {
                segments.add(new Segment(part, Segment.LITERAL));
            }
        }
        List<String> labels = new ArrayList<>();
        for (Segment segment : segments) {
            if (!segment.literal()) {
                if (labels.contains(segment.value())) {
                    throw new IllegalArgumentException("label {" + segment.value() + "} appears twice: " + text);
                }
                labels.add(segment.value());
            }
        }
        return new PathTemplate(text, List.copyOf(segments));
    }

    public List<String> labels() {
        return segments.stream().filter(s -> !s.literal()).map(Segment::value).toList();
    }

    /**
     * Matches decoded path segments.
     *
     * @return the label values, or null when the path does not match
     */
    public Map<String, String> match(List<String> path) {
        if (!literalsMatch(path)) {
            return null; // most templates tried for a request fail on a literal: no map made for them
        }
        Map<String, String> labels = new LinkedHashMap<>();
        int i = 0;
        for (Segment segment : segments) {
            if (segment.rank() == Segment.GREEDY) {
                if (i >= path.size()) {
                    return null;
                }
                String rest = String.join("/", path.subList(i, path.size()));
                if (rest.isEmpty()) {
                    return null;
                }
                labels.put(segment.value(), rest);
                return labels;
            }
            if (i >= path.size()) {
                return null;
            }
            String value = path.get(i++);
            if (segment.literal()) {
                if (!segment.value().equals(value)) {
                    return null;
                }
            } else if (value.isEmpty()) {
                return null;
            } else {
                labels.put(segment.value(), value);
            }
        }
        return i == path.size() ? labels : null;
    }

    /** Whether every literal segment is where the path has it (labels and lengths are checked by {@link #match}). */
    private boolean literalsMatch(List<String> path) {
        int n = Math.min(segments.size(), path.size());
        for (int i = 0; i < n; i++) {
            Segment segment = segments.get(i);
            if (segment.rank() == Segment.GREEDY) {
                return true;
            }
            if (segment.literal() && !segment.value().equals(path.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether every segment is a literal: the template matches exactly one path. */
    public boolean isLiteral() {
        for (Segment segment : segments) {
            if (!segment.literal()) {
                return false;
            }
        }
        return true;
    }

    /** Orders templates most specific first: position by position, literals before labels before greedy labels. */
    public static int compareSpecificity(PathTemplate a, PathTemplate b) {
        int n = Math.min(a.segments.size(), b.segments.size());
        for (int i = 0; i < n; i++) {
            int rank = Integer.compare(a.segments.get(i).rank(), b.segments.get(i).rank());
            if (rank != 0) {
                return rank;
            }
        }
        return Integer.compare(b.segments.size(), a.segments.size());
    }

    /** Two templates that match the same paths: equal literals, labels in the same places. */
    public boolean sameShape(PathTemplate other) {
        if (segments.size() != other.segments.size()) {
            return false;
        }
        for (int i = 0; i < segments.size(); i++) {
            Segment mine = segments.get(i);
            Segment theirs = other.segments.get(i);
            if (mine.rank() != theirs.rank() || mine.literal() && !mine.value().equals(theirs.value())) {
                return false;
            }
        }
        return true;
    }
}
