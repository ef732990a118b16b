package io.gatepass.server.internal.endpoints.packages.npm;

import io.gatepass.server.internal.endpoints.packages.PackageRequest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What an npm request path (after {@code /npm/<repository>/}) names. Package names arrive escaped
 * ({@code @scope%2fname}), or with a plain '/' from some clients ({@code @scope/name}); both are read. Tarballs are
 * accepted as {@code <pkg>/-/<name>-<version>.tgz} and as npm's own publish form
 * {@code <pkg>/-/@scope/<name>-<version>.tgz}.
 */
sealed interface NpmPath {

    /** {@code -/ping}. */
    record Ping() implements NpmPath {
    }

    /** {@code <pkg>}: the packument (GET) or a publish / metadata update (PUT). */
    record Packument(String packageName) implements NpmPath {
    }

    /** {@code <pkg>/<version-or-tag>}: one version's manifest. */
    record VersionManifest(String packageName, String versionOrTag) implements NpmPath {
    }

    /** {@code <pkg>/-/<file>}: a tarball. */
    record Tarball(String packageName, String fileName) implements NpmPath {
    }

    /** {@code -/package/<pkg>/dist-tags[/<tag>]}; tag null for the listing. */
    record DistTags(String packageName, String tag) implements NpmPath {
    }

    /** {@code <pkg>/-rev/<rev>}: npm unpublish. */
    record Unpublish(String packageName) implements NpmPath {
    }

    /** Something npm does that Gatepass does not serve; {@code what} names the command for the error message. */
    record Unsupported(String what) implements NpmPath {
    }

    /** Not an npm path at all. */
    record Unknown() implements NpmPath {
    }

    /** What the path names; {@link Unknown} for anything else, including malformed percent-escapes. */
    static NpmPath parse(String rawPath) {
        try {
            return parseEscaped(rawPath);
        } catch (IllegalArgumentException malformedEscape) {
            return new Unknown();
        }
    }

    private static NpmPath parseEscaped(String rawPath) {
        if (rawPath.isEmpty()) {
            return new Unknown();
        }
        List<String> raw = new ArrayList<>(Arrays.asList(rawPath.split("/", -1)));
        if (raw.get(raw.size() - 1).isEmpty()) {
            raw.remove(raw.size() - 1); // a trailing '/'
        }
        if (raw.isEmpty()) {
            return new Unknown();
        }
        if (raw.get(0).equals("-")) {
            return special(raw.subList(1, raw.size()));
        }
        // The package name: one segment (maybe with an escaped '/'), or "@scope" then "name".
        String first = PackageRequest.decodePath(raw.get(0));
        int used = 1;
        if (first.startsWith("@") && !first.contains("/")) {
            if (raw.size() < 2) {
                return new Unknown();
            }
            first = first + "/" + PackageRequest.decodePath(raw.get(1));
            used = 2;
        }
        List<String> rest = raw.subList(used, raw.size());
        if (rest.isEmpty()) {
            return new Packument(first);
        }
        if (rest.get(0).equals("-") && rest.size() >= 2) {
            String file = PackageRequest.decodePath(String.join("/", rest.subList(1, rest.size())));
            return new Tarball(first, file.substring(file.lastIndexOf('/') + 1));
        }
        if (rest.get(0).equals("-rev")) {
            return new Unpublish(first);
        }
        if (rest.size() == 1) {
            return new VersionManifest(first, PackageRequest.decodePath(rest.get(0)));
        }
        return new Unknown();
    }

    private static NpmPath special(List<String> raw) {
        if (raw.isEmpty()) {
            return new Unknown();
        }
        String head = raw.get(0);
        if (head.equals("ping") && raw.size() == 1) {
            return new Ping();
        }
        if (head.equals("package") && raw.size() >= 3) {
            // -/package/<pkg>/dist-tags[/<tag>], the package escaped or as @scope/name
            String name = PackageRequest.decodePath(raw.get(1));
            int next = 2;
            if (name.startsWith("@") && !name.contains("/") && raw.size() >= 4) {
                name = name + "/" + PackageRequest.decodePath(raw.get(2));
                next = 3;
            }
            List<String> rest = raw.subList(next, raw.size());
            if (!rest.isEmpty() && rest.get(0).equals("dist-tags")) {
                if (rest.size() == 1) {
                    return new DistTags(name, null);
                }
                if (rest.size() == 2) {
                    return new DistTags(name, PackageRequest.decodePath(rest.get(1)));
                }
            }
            if (!rest.isEmpty() && (rest.get(0).equals("access") || rest.get(0).equals("collaborators")
                    || rest.get(0).equals("visibility"))) {
                return new Unsupported("npm access");
            }
            return new Unknown();
        }
        return switch (head) {
            case "user" -> new Unsupported("npm adduser, login and owner");
            case "whoami" -> new Unsupported("npm whoami");
            case "logout" -> new Unsupported("npm logout");
            case "org", "team" -> new Unsupported("npm org and team");
            case "v1" -> new Unsupported("npm search");
            case "npm" -> raw.size() > 2 && raw.get(2).equals("security") ? new Unsupported("npm audit")
                    : raw.size() > 2 && raw.get(2).equals("tokens") ? new Unsupported("npm token")
                    : raw.size() > 2 && raw.get(2).equals("hooks") ? new Unsupported("npm hook")
                    : new Unsupported("this npm command");
            default -> new Unsupported("this npm command");
        };
    }
}
