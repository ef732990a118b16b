package io.gatepass.server.internal.endpoints.packages.pypi;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Project names as PyPI compares them (PEP 503): lower case, and every run of {@code -}, {@code _} and {@code .}
 * becomes one {@code -}. {@code Foo.Bar}, {@code foo__bar} and {@code FOO-bar} are one project, {@code foo-bar}.
 */
public final class ProjectNames {
    /** A name as core metadata allows it (PEP 508): ASCII letters and digits, with . _ - inside only. */
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?");
    private static final Pattern SEPARATOR_RUN = Pattern.compile("[-_.]+");
    /** Longer names are refused; PyPI's own limit is far below it. */
    public static final int MAX_LENGTH = 255;

    private ProjectNames() {
    }

    public static String normalize(String name) {
        return SEPARATOR_RUN.matcher(name).replaceAll("-").toLowerCase(Locale.ROOT);
    }

    public static boolean isValid(String name) {
        return name != null && name.length() <= MAX_LENGTH && VALID.matcher(name).matches();
    }

    /** Whether the name is already in its normalized form (what the index serves under). */
    public static boolean isNormalized(String name) {
        return normalize(name).equals(name);
    }

    /** The same name with every run of separators as {@code _}, as wheel and new sdist file names spell it. */
    public static String escapedForFilename(String name) {
        return SEPARATOR_RUN.matcher(name).replaceAll("_");
    }
}
