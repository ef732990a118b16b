package io.gatepass.core.codeartifact;

import java.util.Objects;

/**
 * Names one package in one repository: the repository (domain owner, domain, repository name), the package format and
 * the package's namespace and normalized name, as CodeArtifact's APIs and package ARNs name it.
 *
 * <ul>
 *   <li>npm: namespace is the scope without '@' ({@code @types/node} → namespace {@code types}, name {@code node});
 *       none for unscoped packages.</li>
 *   <li>pypi: no namespace; the name is PEP 503 normalized (lower case, runs of {@code ._-} become {@code -}).</li>
 *   <li>maven: namespace is the groupId, name the artifactId.</li>
 * </ul>
 *
 * @param domainOwner the 12-digit account owning the domain
 * @param domainName  the domain
 * @param repository  the repository name
 * @param format      "npm", "pypi", "maven" (CodeArtifact's lower-case format names)
 * @param namespace   the namespace, or "" for none (never null: the store keys on it)
 * @param name        the normalized package name; two spellings that normalize alike are one package
 */
public record PackageKey(String domainOwner, String domainName, String repository, String format, String namespace,
                         String name) {
    public PackageKey {
        Objects.requireNonNull(domainOwner, "domainOwner");
        Objects.requireNonNull(domainName, "domainName");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(name, "name");
        namespace = namespace == null ? "" : namespace;
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a package name is not empty");
        }
    }

    /** The namespace, or null when there is none (as CodeArtifact's APIs answer). */
    public String namespaceOrNull() {
        return namespace.isEmpty() ? null : namespace;
    }

    /**
     * The package ARN as CodeArtifact writes it for permissions policies:
     * {@code arn:aws:codeartifact:<region>:<owner>:package/<domain>/<repository>/<format>/<namespace>/<name>}, with
     * an empty namespace segment when there is none.
     */
    public String arn(String region) {
        return "arn:aws:codeartifact:" + region + ":" + domainOwner + ":package/" + domainName + "/" + repository
                + "/" + format + "/" + namespace + "/" + name;
    }
}
