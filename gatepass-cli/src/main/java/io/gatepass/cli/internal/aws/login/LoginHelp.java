package io.gatepass.cli.internal.aws.login;

/** The text {@code gatepass codeartifact login help} prints. */
final class LoginHelp {

    static final String TEXT = """
            login
            ^^^^^

            Description
            ***********

            Sets up the idiomatic tool for your package format to use your CodeArtifact repository. Your login
            information is valid for up to 12 hours after which you must login again. npm, pip and twine are
            configured as aws codeartifact login configures them; maven gets a server, a profile and its activation
            in ~/.m2/settings.xml, and gradle gets <name>Url, <name>Username and <name>Password in
            gradle.properties. See docs/cli-login.md.

            Synopsis
            ********

              login
            --tool <value>
            --domain <value>
            [--domain-owner <value>]
            [--namespace <value>]
            [--duration-seconds <value>]
            --repository <value>
            [--server-id <value>]
            [--dry-run]

            Options
            *******

            "--tool" (string) The tool you want to connect with your repository

              Possible values:

              * npm
              * pip
              * twine
              * maven
              * gradle

            "--domain" (string) Your CodeArtifact domain name

            "--domain-owner" (string) The AWS account ID that owns your CodeArtifact domain

            "--namespace" (string) Associates a namespace with your repository tool (npm only)

            "--duration-seconds" (integer) The time, in seconds, that the login information is valid

            "--repository" (string) Your CodeArtifact repository name

            "--server-id" (string) maven: the server, profile and repository id (default DOMAIN-REPOSITORY);
            gradle: the repository name that prefixes the properties (default codeartifact)

            "--dry-run" (boolean) Only print the commands that would be executed to connect your tool with your
            repository without making any changes to your configuration
            """;

    private LoginHelp() {
    }
}
