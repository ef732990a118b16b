package io.gatepass.server.internal.endpoints.packages.npm;

import java.util.Optional;

/**
 * An npm package name, {@code name} or {@code @scope/name}: at most 214 characters, lower case, each part made of
 * URL-safe characters ({@code a-z 0-9 - . _ ~}) and not starting with '.' or '_'. In CodeArtifact's terms the scope
 * (without '@') is the namespace and the rest the name.
 *
 * @param scope the scope without '@', or null for an unscoped package
 * @param name  the name without the scope
 */
public record NpmName(String scope, String name) {
    static final int MAX_LENGTH = 214;

    /** The name as npm writes it: {@code @scope/name} or {@code name}. */
    public String full() {
        return scope == null ? name : "@" + scope + "/" + name;
    }

    /** The tarball file name npm uses: {@code name-<version>.tgz} (the scope left out). */
    public String tarball(String version) {
        return name + "-" + version + ".tgz";
    }

    /** The name parsed and checked, or empty if npm would not accept it for a new package. */
    public static Optional<NpmName> parse(String full) {
        if (full == null || full.isEmpty() || full.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        if (full.startsWith("@")) {
            int slash = full.indexOf('/');
            if (slash < 0 || full.indexOf('/', slash + 1) >= 0) {
                return Optional.empty();
            }
            String scope = full.substring(1, slash);
            String name = full.substring(slash + 1);
            return part(scope) && part(name) ? Optional.of(new NpmName(scope, name)) : Optional.empty();
        }
        return part(full) ? Optional.of(new NpmName(null, full)) : Optional.empty();
    }

    private static boolean part(String text) {
        if (text.isEmpty() || text.charAt(0) == '.' || text.charAt(0) == '_') {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_'
                    || c == '~';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
