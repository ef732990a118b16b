package io.gatepass.server.internal.endpoints.packages;

import java.util.Optional;

/**
 * A repository endpoint path, {@code /codeartifact/<domain>-<owner>/<format>/<repository>/<rest>}, taken apart. The
 * domain is everything before the last '-' of the first segment and the owner the 12 digits after it (domain names
 * may contain '-', owners cannot). Nothing is decoded: domains, formats and repository names are plain ASCII, and
 * {@code rest} is handed to the format raw.
 *
 * @param domain     the domain name
 * @param owner      the domain owner's 12-digit account
 * @param format     the format segment as written
 * @param repository the repository name
 * @param rest       the raw path after {@code <repository>/}; "" for the endpoint itself (with or without its '/')
 */
public record EndpointPath(String domain, String owner, String format, String repository, String rest) {
    public static final String PREFIX = "/codeartifact/";

    /** Whether a request path belongs to the package endpoints at all. */
    public static boolean isPackagePath(String rawPath) {
        return rawPath != null && rawPath.startsWith(PREFIX);
    }

    /** The realm of 401 challenges: {@code <domain>/<repository>}. */
    public String realm() {
        return domain + "/" + repository;
    }

    /** The parts of a package path, or empty if it does not have the endpoint's shape. */
    public static Optional<EndpointPath> parse(String rawPath) {
        if (!isPackagePath(rawPath)) {
            return Optional.empty();
        }
        int first = PREFIX.length();
        int slash1 = rawPath.indexOf('/', first);
        if (slash1 < 0) {
            return Optional.empty();
        }
        String domainOwner = rawPath.substring(first, slash1);
        int dash = domainOwner.lastIndexOf('-');
        if (dash <= 0) {
            return Optional.empty();
        }
        String domain = domainOwner.substring(0, dash);
        String owner = domainOwner.substring(dash + 1);
        if (!isAccount(owner) || !isDomain(domain)) {
            return Optional.empty();
        }
        int slash2 = rawPath.indexOf('/', slash1 + 1);
        if (slash2 < 0 || slash2 == slash1 + 1) {
            return Optional.empty();
        }
        String format = rawPath.substring(slash1 + 1, slash2);
        int slash3 = rawPath.indexOf('/', slash2 + 1);
        String repository = slash3 < 0 ? rawPath.substring(slash2 + 1) : rawPath.substring(slash2 + 1, slash3);
        if (!isRepository(repository)) {
            return Optional.empty();
        }
        String rest = slash3 < 0 ? "" : rawPath.substring(slash3 + 1);
        return Optional.of(new EndpointPath(domain, owner, format, repository, rest));
    }

    private static boolean isAccount(String text) {
        if (text.length() != 12) {
            return false;
        }
        for (int i = 0; i < 12; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** {@code [a-z][a-z0-9-]{0,48}[a-z0-9]}. */
    static boolean isDomain(String text) {
        int n = text.length();
        if (n < 2 || n > 50 || text.charAt(0) < 'a' || text.charAt(0) > 'z') {
            return false;
        }
        for (int i = 1; i < n; i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && i < n - 1);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** {@code [A-Za-z0-9][A-Za-z0-9._-]{1,99}}. */
    static boolean isRepository(String text) {
        int n = text.length();
        if (n < 2 || n > 100) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alnum && (i == 0 || (c != '.' && c != '_' && c != '-'))) {
                return false;
            }
        }
        return true;
    }
}
