package io.gatepass.server.testing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One npm user (/usr/bin/npm): its own HOME, user config and cache, logged in as {@code aws codeartifact login
 * --tool npm} does ({@code npm config set registry <endpoint>}, {@code //<host><path>:_authToken <token>}).
 */
public final class NpmUser {
    public final Path home;
    public final String registry;
    public final String token;
    private final Map<String, String> env = new HashMap<>();

    /** @param token null to leave the login to the test */
    public NpmUser(Path home, String registry, String token) throws Exception {
        this.home = Files.createDirectories(home);
        this.registry = registry;
        this.token = token;
        env.put("HOME", home.toString());
        env.put("npm_config_userconfig", home.resolve(".npmrc").toString());
        env.put("npm_config_cache", home.resolve("cache").toString());
        env.put("npm_config_audit", "false");
        env.put("npm_config_fund", "false");
        env.put("npm_config_update_notifier", "false");
        env.put("npm_config_fetch_retries", "0");
        if (token == null) {
            return; // logged in by the test itself
        }
        URI uri = URI.create(registry);
        String hostPath = "//" + uri.getHost() + ":" + uri.getPort() + uri.getPath();
        // What aws codeartifact login --tool npm runs (always-auth's failure is ignored there too).
        assertThat(run(home, "config", "set", "registry", registry).exitCode()).isZero();
        run(home, "config", "set", hostPath + ":always-auth", "true");
        assertThat(run(home, "config", "set", hostPath + ":_authToken", token).exitCode()).isZero();
    }

    /** The environment npm runs with (a copy). */
    public Map<String, String> env() {
        return new HashMap<>(env);
    }

    public Path dir(String name) throws Exception {
        return Files.createDirectories(home.resolve(name.replace('/', '_').replace("@", "")));
    }

    /** A package directory with package.json, index.js and a README. */
    public Path project(String name, String version, String code) throws Exception {
        Path dir = dir(name + "-" + version);
        Files.writeString(dir.resolve("package.json"), "{\"name\":\"" + name + "\",\"version\":\"" + version
                + "\",\"main\":\"index.js\",\"description\":\"test package\",\"license\":\"MIT\"}",
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("index.js"), code + "\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("README.md"), "# " + name + "\n", StandardCharsets.UTF_8);
        return dir;
    }

    public ToolRun run(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("npm"));
        command.addAll(List.of(args));
        return ToolRun.run(dir, env, 180, command);
    }
}
