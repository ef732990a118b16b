package io.gatepass.cli.aws.login;

/** gradle: repository URL and credentials as properties in ~/.gradle/gradle.properties. */
final class GradleLogin implements ToolLogin {

    @Override
    public void login(LoginContext context) {
        throw new UnsupportedOperationException("not built yet");
    }
}
