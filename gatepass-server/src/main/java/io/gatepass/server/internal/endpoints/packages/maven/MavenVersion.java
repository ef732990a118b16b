package io.gatepass.server.internal.endpoints.packages.maven;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Maven version with Maven's own ordering (the rules of {@code ComparableVersion} in Maven 3.9): the string is split
 * at {@code .}, {@code -} and at every change between digits and letters; numbers compare as numbers; the qualifiers
 * {@code alpha < beta < milestone < rc < snapshot < "" (release) < sp} compare in that order ({@code a1}, {@code b1},
 * {@code m1} abbreviate them when a number follows; {@code ga}, {@code final} and {@code release} mean a release,
 * {@code cr} means {@code rc}); any other qualifier comes after them, alphabetically; a {@code -} starts a nested
 * list, as does a trailing {@code .qualifier}; trailing zeros and release qualifiers are dropped, so
 * {@code 1 = 1.0 = 1-ga}. Case is ignored.
 */
public final class MavenVersion implements Comparable<MavenVersion> {
    /**
     * Orders version strings from oldest to newest. Like Maven's, this order is not transitive for some contrived
     * versions ({@code 7-snapshot.0 < 7 < 7.sp-rc < 7-snapshot.0}), so sort with {@link #sorted}, which cannot fail,
     * rather than {@link List#sort}, which may throw on such input.
     */
    public static final Comparator<String> ORDER = Comparator.comparing(MavenVersion::parse);

    private static final String SNAPSHOT_SUFFIX = "-SNAPSHOT";
    private static final List<String> QUALIFIERS = List.of("alpha", "beta", "milestone", "rc", "snapshot", "", "sp");
    private static final String RELEASE_RANK = String.valueOf(QUALIFIERS.indexOf(""));
    private static final Map<String, String> ALIASES = Map.of("ga", "", "final", "", "release", "", "cr", "rc");

    private final String text;
    private final Sequence items;

    private MavenVersion(String text, Sequence items) {
        this.text = text;
        this.items = items;
    }

    public static MavenVersion parse(String version) {
        return new MavenVersion(version, Parser.parse(version.toLowerCase(Locale.ROOT)));
    }

    /** The versions from oldest to newest (a stable merge sort, which never rejects an intransitive order). */
    public static List<String> sorted(Collection<String> versions) {
        List<MavenVersion> parsed = new ArrayList<>(versions.size());
        for (String version : versions) {
            parsed.add(parse(version));
        }
        MavenVersion[] items = parsed.toArray(new MavenVersion[0]);
        mergeSort(items, new MavenVersion[items.length], 0, items.length);
        List<String> out = new ArrayList<>(items.length);
        for (MavenVersion item : items) {
            out.add(item.text);
        }
        return out;
    }

    private static void mergeSort(MavenVersion[] items, MavenVersion[] scratch, int from, int to) {
        if (to - from < 2) {
            return;
        }
        int middle = (from + to) >>> 1;
        mergeSort(items, scratch, from, middle);
        mergeSort(items, scratch, middle, to);
        int left = from;
        int right = middle;
        for (int i = from; i < to; i++) {
            boolean takeLeft = right >= to || (left < middle && items[left].compareTo(items[right]) <= 0);
            scratch[i] = takeLeft ? items[left++] : items[right++];
        }
        System.arraycopy(scratch, from, items, from, to - from);
    }

    /** Whether {@code version} names a snapshot: it ends with {@code -SNAPSHOT}. */
    public static boolean isSnapshot(String version) {
        return version.length() > SNAPSHOT_SUFFIX.length() && version.endsWith(SNAPSHOT_SUFFIX);
    }

    /** {@code 1.0} for {@code 1.0-SNAPSHOT}; the version itself when it is not a snapshot. */
    public static String snapshotBase(String version) {
        return isSnapshot(version) ? version.substring(0, version.length() - SNAPSHOT_SUFFIX.length()) : version;
    }

    public boolean isSnapshot() {
        return isSnapshot(text);
    }

    @Override
    public int compareTo(MavenVersion other) {
        return items.compareTo(other.items);
    }

    /** Equal when the canonical forms are equal. */
    @Override
    public boolean equals(Object other) {
        return other instanceof MavenVersion version && canonical().equals(version.canonical());
    }

    @Override
    public int hashCode() {
        return items.canonical().hashCode();
    }

    /** The parsed items, nested lists in parentheses: {@code 1.(alpha.(2))} for {@code 1.0a2}. */
    public String canonical() {
        return items.canonical();
    }

    @Override
    public String toString() {
        return text;
    }

    /** One parsed piece of a version. */
    private sealed interface Item permits Number, Qualifier, Sequence {
        /** Compared with a missing item (the other version ended). */
        int compareToAbsent();

        int compareTo(Item other);

        boolean isAbsentEquivalent();

        String canonical();
    }

    /** A number, kept as its digits without leading zeros so any length compares correctly. */
    private record Number(String digits) implements Item {
        static Number of(String raw) {
            int start = 0;
            while (start < raw.length() - 1 && raw.charAt(start) == '0') {
                start++;
            }
            return new Number(raw.substring(start));
        }

        @Override
        public int compareToAbsent() {
            return isAbsentEquivalent() ? 0 : 1;
        }

        @Override
        public int compareTo(Item other) {
            if (other instanceof Number number) {
                int byLength = Integer.compare(digits.length(), number.digits.length());
                return byLength != 0 ? byLength : Integer.signum(digits.compareTo(number.digits));
            }
            return 1; // 1.1 > 1-sp and 1.1 > 1-1
        }

        @Override
        public boolean isAbsentEquivalent() {
            return digits.equals("0");
        }

        @Override
        public String canonical() {
            return digits;
        }
    }

    /** A word such as {@code rc} or {@code foo}. */
    private record Qualifier(String value) implements Item {
        static Qualifier of(String raw, boolean followedByDigit) {
            String value = raw;
            if (followedByDigit && raw.length() == 1) {
                value = switch (raw.charAt(0)) {
                    case 'a' -> "alpha";
                    case 'b' -> "beta";
                    case 'm' -> "milestone";
                    default -> raw;
                };
            }
            return new Qualifier(ALIASES.getOrDefault(value, value));
        }

        /** Known qualifiers rank by position; any other ranks after all of them, alphabetically. */
        private String rank() {
            int index = QUALIFIERS.indexOf(value);
            return index >= 0 ? String.valueOf(index) : QUALIFIERS.size() + "-" + value;
        }

        @Override
        public int compareToAbsent() {
            return Integer.signum(rank().compareTo(RELEASE_RANK));
        }

        @Override
        public int compareTo(Item other) {
            if (other instanceof Qualifier qualifier) {
                return Integer.signum(rank().compareTo(qualifier.rank()));
            }
            return -1; // 1-rc < 1.1 and 1-rc < 1-1
        }

        @Override
        public boolean isAbsentEquivalent() {
            return rank().equals(RELEASE_RANK);
        }

        @Override
        public String canonical() {
            return value;
        }
    }

    /** A nested list, begun by {@code -} (or by a change between digits and letters). */
    private static final class Sequence implements Item {
        private final List<Item> items = new ArrayList<>();

        /** Drops trailing items that equal nothing (zeros, release qualifiers, empty lists). */
        void normalize() {
            for (int i = items.size() - 1; i >= 0; i--) {
                Item last = items.get(i);
                if (last.isAbsentEquivalent()) {
                    items.remove(i);
                } else if (!(last instanceof Sequence)) {
                    break;
                }
            }
        }

        /** The first item that differs from nothing decides: {@code 1-0-rc < 1}. */
        @Override
        public int compareToAbsent() {
            for (Item item : items) {
                int result = item.compareToAbsent();
                if (result != 0) {
                    return result;
                }
            }
            return 0;
        }

        @Override
        public int compareTo(Item other) {
            if (other instanceof Number) {
                return -1; // 1-1 < 1.1
            }
            if (other instanceof Qualifier) {
                return 1; // 1-1 > 1-sp
            }
            Sequence sequence = (Sequence) other;
            int size = Math.max(items.size(), sequence.items.size());
            for (int i = 0; i < size; i++) {
                Item left = i < items.size() ? items.get(i) : null;
                Item right = i < sequence.items.size() ? sequence.items.get(i) : null;
                int result = left == null ? -right.compareToAbsent()
                        : right == null ? left.compareToAbsent() : left.compareTo(right);
                if (result != 0) {
                    return result;
                }
            }
            return 0;
        }

        @Override
        public boolean isAbsentEquivalent() {
            return items.isEmpty();
        }

        @Override
        public String canonical() {
            StringBuilder out = new StringBuilder();
            for (Item item : items) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(item instanceof Sequence ? "(" + item.canonical() + ")" : item.canonical());
            }
            return out.toString();
        }
    }

    private static final class Parser {
        private final Sequence root = new Sequence();
        private final Deque<Sequence> open = new ArrayDeque<>();
        private Sequence current = root;

        static Sequence parse(String version) {
            Parser parser = new Parser();
            parser.open.push(parser.root);
            parser.run(version);
            while (!parser.open.isEmpty()) {
                parser.open.pop().normalize();
            }
            return parser.root;
        }

        private void run(String version) {
            boolean digit = false;
            int start = 0;
            for (int i = 0; i < version.length(); i++) {
                char c = version.charAt(i);
                if (c == '.' || c == '-') {
                    current.items.add(i == start ? Number.of("0") : item(digit, version.substring(start, i)));
                    start = i + 1;
                    if (c == '-') {
                        nest();
                    }
                } else if (c >= '0' && c <= '9') {
                    if (!digit && i > start) {
                        if (!current.items.isEmpty()) {
                            nest(); // 1.0.0.x1 < 1.0.0-x2: a qualifier after a dot counts as after a dash
                        }
                        current.items.add(Qualifier.of(version.substring(start, i), true));
                        start = i;
                        nest();
                    }
                    digit = true;
                } else {
                    if (digit && i > start) {
                        current.items.add(Number.of(version.substring(start, i)));
                        start = i;
                        nest();
                    }
                    digit = false;
                }
            }
            if (version.length() > start) {
                if (!digit && !current.items.isEmpty()) {
                    nest();
                }
                current.items.add(item(digit, version.substring(start)));
            }
        }

        private void nest() {
            Sequence child = new Sequence();
            current.items.add(child);
            open.push(child);
            current = child;
        }

        private static Item item(boolean digit, String text) {
            return digit ? Number.of(text) : Qualifier.of(text, false);
        }
    }
}
