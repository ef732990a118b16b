package io.gatepass.cli.internal.aws.login;

import java.util.Optional;

/** The package tools {@code codeartifact login} configures, with the repository format each one reads. */
enum LoginTool {
    NPM("npm", "npm", true),
    PIP("pip", "pypi", false),
    TWINE("twine", "pypi", false),
    MAVEN("maven", "maven", false),
    GRADLE("gradle", "maven", false);

    private final String cliName;
    private final String packageFormat;
    private final boolean namespaceSupport;

    LoginTool(String cliName, String packageFormat, boolean namespaceSupport) {
        this.cliName = cliName;
        this.packageFormat = packageFormat;
        this.namespaceSupport = namespaceSupport;
    }

    /** The exact, lower-case name aws accepts ({@code --tool NPM} is an invalid choice there too). */
    static Optional<LoginTool> named(String name) {
        for (LoginTool tool : values()) {
            if (tool.cliName.equals(name)) {
                return Optional.of(tool);
            }
        }
        return Optional.empty();
    }

    String cliName() {
        return cliName;
    }

    /** The format GetRepositoryEndpoint is asked for. */
    String packageFormat() {
        return packageFormat;
    }

    boolean namespaceSupport() {
        return namespaceSupport;
    }
}
