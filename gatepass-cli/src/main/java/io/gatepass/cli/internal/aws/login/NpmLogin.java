package io.gatepass.cli.internal.aws.login;

import io.gatepass.cli.internal.aws.CliException;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

/**
 * npm: {@code npm config set registry URL} (or {@code @scope:registry} with --namespace), then the
 * {@code //host/path/:always-auth} (whose failure is ignored: npm 9 and later reject it) and
 * {@code //host/path/:_authToken} settings, all in the user's ~/.npmrc through npm itself.
 */
final class NpmLogin extends CommandLogin {

    private static final Pattern SCOPE = Pattern.compile("@[a-z0-9\\-~][a-z0-9\\-._~]*");

    @Override
    List<List<String>> commands(LoginContext context) {
        String scope = scope(context.args().namespace());
        String registry = scope == null ? "registry" : scope + ":registry";
        URI endpoint = context.endpointUri();
        String prefix = "//" + endpoint.getRawAuthority() + endpoint.getRawPath();
        return List.of(
                List.of("npm", "config", "set", registry, context.endpoint()),
                List.of("npm", "config", "set", prefix + ":always-auth", "true"),
                List.of("npm", "config", "set", prefix + ":_authToken", context.token()));
    }

    @Override
    boolean ignoresErrors(List<String> command) {
        return command.stream().anyMatch(arg -> arg.contains("always-auth"));
    }

    /** The npm scope for a namespace: "@" added when missing, and checked as aws checks it. */
    static String scope(String namespace) {
        if (namespace == null) {
            return null;
        }
        String scope = namespace.startsWith("@") ? namespace : "@" + namespace;
        if (!SCOPE.matcher(scope).lookingAt()) {
            throw CliException.other("Invalid scope name, scope must contain URL-safe characters, no leading dots or "
                    + "underscores", null);
        }
        return scope;
    }
}
