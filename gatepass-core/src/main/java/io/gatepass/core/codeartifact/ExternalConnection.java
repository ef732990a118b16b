package io.gatepass.core.codeartifact;

import java.util.List;
import java.util.Optional;

/**
 * A public registry a repository can be connected to (AssociateExternalConnection), by CodeArtifact's name for it.
 *
 * @param name       CodeArtifact's name ({@code public:npmjs}, ...)
 * @param format     the package format it serves (the repository's endpoint for that format reaches it)
 * @param defaultUrl where Gatepass fetches from unless configured otherwise ({@code serve --external-connection
 *                   NAME=URL}: a mirror, or a local registry for tests and air-gapped sites); no trailing '/'
 */
public record ExternalConnection(String name, String format, String defaultUrl) {
    /** The connections Gatepass knows; npm, PyPI and the Maven ones are fetched through. */
    public static final List<ExternalConnection> KNOWN = List.of(
            new ExternalConnection("public:npmjs", "npm", "https://registry.npmjs.org"),
            new ExternalConnection("public:pypi", "pypi", "https://pypi.org"),
            new ExternalConnection("public:maven-central", "maven", "https://repo.maven.apache.org/maven2"),
            new ExternalConnection("public:maven-googleandroid", "maven", "https://maven.google.com"),
            new ExternalConnection("public:maven-gradleplugins", "maven", "https://plugins.gradle.org/m2"),
            new ExternalConnection("public:maven-commonsware", "maven", "https://repo.commonsware.com"),
            new ExternalConnection("public:maven-clojars", "maven", "https://repo.clojars.org"));

    public static Optional<ExternalConnection> named(String name) {
        return KNOWN.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
