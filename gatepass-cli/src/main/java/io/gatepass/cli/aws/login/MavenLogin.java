package io.gatepass.cli.aws.login;

/** maven: a server entry, a profile with the repository and its activation in ~/.m2/settings.xml. */
final class MavenLogin implements ToolLogin {

    @Override
    public void login(LoginContext context) {
        throw new UnsupportedOperationException("not built yet");
    }
}
