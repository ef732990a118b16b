package io.gatepass.cli.internal.aws.login;

/** Configures one package tool for a repository, or with --dry-run prints what it would do. */
interface ToolLogin {

    void login(LoginContext context);

    static ToolLogin of(LoginTool tool) {
        return switch (tool) {
            case NPM -> new NpmLogin();
            case PIP -> new PipLogin();
            case TWINE -> new TwineLogin();
            case MAVEN -> new MavenLogin();
            case GRADLE -> new GradleLogin();
        };
    }
}
