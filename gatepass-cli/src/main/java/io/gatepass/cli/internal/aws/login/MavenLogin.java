package io.gatepass.cli.internal.aws.login;

import io.gatepass.cli.internal.aws.CliException;

import java.nio.file.Path;

/**
 * maven (which aws lacks): the login in ~/.m2/settings.xml as {@link MavenSettings} writes it, under the server id
 * {@code DOMAIN-REPOSITORY} unless --server-id names another.
 */
final class MavenLogin implements ToolLogin {

    @Override
    public void login(LoginContext context) {
        Path settings = context.io().home().resolve(".m2").resolve("settings.xml");
        String id = serverId(context.args());
        String content;
        try {
            content = MavenSettings.withLogin(SecretFiles.read(settings), id, context.token(), context.endpoint());
        } catch (IllegalArgumentException e) {
            throw CliException.other(settings + " was not changed: " + e.getMessage(), e);
        }
        FileLogin.writeOrShow(context, settings, content, "maven", "settings.xml");
    }

    static String serverId(LoginArguments args) {
        return args.serverId() != null ? args.serverId() : args.domain() + "-" + args.repository();
    }
}
