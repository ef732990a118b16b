package io.gatepass.server.internal.endpoints.packages.pypi;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version as PEP 440 defines it: parsing of every spelling it permits, the normalized form ({@code 1.0-Alpha_1}
 * is {@code 1.0a1}, {@code v2.0-r3} is {@code 2.0.post3}) and its ordering. Numbers are arbitrary precision.
 */
public record Pep440Version(BigInteger epoch, List<BigInteger> release, String preLabel, BigInteger pre,
                            BigInteger post, BigInteger dev, List<String> local) implements Comparable<Pep440Version> {
    private static final int MAX_LENGTH = 128;
    private static final Pattern SYNTAX = Pattern.compile(
            "v?(?:(?<epoch>[0-9]+)!)?(?<release>[0-9]+(?:\\.[0-9]+)*)"
            + "(?:[-_.]?(?<preL>alpha|beta|preview|pre|rc|a|b|c)[-_.]?(?<preN>[0-9]+)?)?"
            + "(?:-(?<postImplicit>[0-9]+)|[-_.]?(?<postL>post|rev|r)[-_.]?(?<postN>[0-9]+)?)?"
            + "(?:[-_.]?(?<devL>dev)[-_.]?(?<devN>[0-9]+)?)?"
            + "(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?");

    public Pep440Version {
        release = List.copyOf(release);
        local = local == null ? null : List.copyOf(local);
    }

    public static Optional<Pep440Version> parse(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        Matcher m = SYNTAX.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        List<BigInteger> release = new ArrayList<>();
        for (String part : m.group("release").split("\\.")) {
            release.add(new BigInteger(part));
        }
        String preLabel = m.group("preL") == null ? null : switch (m.group("preL")) {
            case "alpha", "a" -> "a";
            case "beta", "b" -> "b";
            default -> "rc";
        };
        BigInteger pre = preLabel == null ? null : number(m.group("preN"));
        BigInteger post = m.group("postImplicit") != null ? new BigInteger(m.group("postImplicit"))
                : m.group("postL") != null ? number(m.group("postN")) : null;
        BigInteger dev = m.group("devL") != null ? number(m.group("devN")) : null;
        List<String> local = m.group("local") == null ? null : List.of(m.group("local").split("[-_.]"));
        BigInteger epoch = m.group("epoch") == null ? BigInteger.ZERO : new BigInteger(m.group("epoch"));
        return Optional.of(new Pep440Version(epoch, release, preLabel, pre, post, dev, local));
    }

    /** The normalized spelling of a version, or empty when it is not a PEP 440 version. */
    public static Optional<String> normalize(String text) {
        return parse(text).map(Pep440Version::toString);
    }

    private static BigInteger number(String digits) {
        return digits == null ? BigInteger.ZERO : new BigInteger(digits);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        if (epoch.signum() != 0) {
            out.append(epoch).append('!');
        }
        for (int i = 0; i < release.size(); i++) {
            out.append(i == 0 ? "" : ".").append(release.get(i));
        }
        if (preLabel != null) {
            out.append(preLabel).append(pre);
        }
        if (post != null) {
            out.append(".post").append(post);
        }
        if (dev != null) {
            out.append(".dev").append(dev);
        }
        if (local != null) {
            out.append('+').append(String.join(".", local));
        }
        return out.toString();
    }

    /** Whether this is a pre-release (a, b, rc or dev). */
    public boolean isPreRelease() {
        return preLabel != null || dev != null;
    }

    @Override
    public int compareTo(Pep440Version other) {
        int c = epoch.compareTo(other.epoch);
        if (c != 0) {
            return c;
        }
        c = compareRelease(release, other.release);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(phase(), other.phase());
        if (c != 0) {
            return c;
        }
        if (preLabel != null) {
            c = preLabel.compareTo(other.preLabel); // "a" < "b" < "rc"
            if (c != 0) {
                return c;
            }
            c = pre.compareTo(other.pre);
            if (c != 0) {
                return c;
            }
        }
        c = compareNullLow(post, other.post);
        if (c != 0) {
            return c;
        }
        c = compareNullHigh(dev, other.dev);
        if (c != 0) {
            return c;
        }
        return compareLocal(local, other.local);
    }

    /** 0: a dev release with no pre or post part (sorts before its pre-releases); 1: a pre-release; 2: others. */
    private int phase() {
        if (preLabel == null && post == null && dev != null) {
            return 0;
        }
        return preLabel != null ? 1 : 2;
    }

    private static int compareRelease(List<BigInteger> a, List<BigInteger> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            BigInteger x = i < a.size() ? a.get(i) : BigInteger.ZERO;
            BigInteger y = i < b.size() ? b.get(i) : BigInteger.ZERO;
            int c = x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int compareNullLow(BigInteger a, BigInteger b) {
        if (a == null || b == null) {
            return a == b ? 0 : a == null ? -1 : 1;
        }
        return a.compareTo(b);
    }

    private static int compareNullHigh(BigInteger a, BigInteger b) {
        if (a == null || b == null) {
            return a == b ? 0 : a == null ? 1 : -1;
        }
        return a.compareTo(b);
    }

    /** No local part sorts first; numeric segments sort above alphanumeric ones; a longer local wins a tie. */
    private static int compareLocal(List<String> a, List<String> b) {
        if (a == null || b == null) {
            return a == b ? 0 : a == null ? -1 : 1;
        }
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            String x = a.get(i);
            String y = b.get(i);
            boolean xNumber = x.chars().allMatch(Character::isDigit);
            boolean yNumber = y.chars().allMatch(Character::isDigit);
            int c = xNumber && yNumber ? new BigInteger(x).compareTo(new BigInteger(y))
                    : xNumber ? 1 : yNumber ? -1 : x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
