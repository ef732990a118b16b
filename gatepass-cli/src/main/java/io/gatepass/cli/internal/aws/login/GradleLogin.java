package io.gatepass.cli.internal.aws.login;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * gradle (which aws lacks): {@code NAMEUrl}, {@code NAMEUsername} (aws) and {@code NAMEPassword} (the token) in
 * gradle.properties of the Gradle user home (GRADLE_USER_HOME, else ~/.gradle); NAME is "codeartifact" unless
 * --server-id names another. A Gradle repository named NAME with {@code credentials(PasswordCredentials)} reads the
 * last two by itself.
 */
final class GradleLogin implements ToolLogin {

    static final String DEFAULT_NAME = "codeartifact";

    @Override
    public void login(LoginContext context) {
        String gradleUserHome = context.io().env().get("GRADLE_USER_HOME");
        Path directory = gradleUserHome != null && !gradleUserHome.isEmpty() ? Path.of(gradleUserHome)
                : context.io().home().resolve(".gradle");
        Path file = directory.resolve("gradle.properties");
        String name = context.args().serverId() != null ? context.args().serverId() : DEFAULT_NAME;
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(name + "Url", context.endpoint());
        properties.put(name + "Username", "aws");
        properties.put(name + "Password", context.token());
        String content = GradleProperties.with(SecretFiles.read(file), properties,
                "CodeArtifact repository login, written by gatepass codeartifact login");
        FileLogin.writeOrShow(context, file, content, "gradle", "gradle.properties");
    }
}
