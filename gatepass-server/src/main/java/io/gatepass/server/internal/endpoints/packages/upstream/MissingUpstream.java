package io.gatepass.server.internal.endpoints.packages.upstream;

/**
 * The repository's upstream graph names a repository that was deleted. CodeArtifact lets an upstream repository be
 * deleted and leaves the link in place; package requests that resolve through it then fail until UpdateRepository
 * sets the upstreams again (versions already retained downstream stay downloadable). Answered with {@link #STATUS}.
 */
public final class MissingUpstream extends RuntimeException {
    /** 409: the request conflicts with the repository's configuration, which an administrator must change. */
    public static final int STATUS = 409;

    MissingUpstream(String repository, String downstream, String asked) {
        super("The upstream graph of repository " + asked + " names a repository that no longer exists: " + repository
                + " (an upstream of " + downstream + "). Call UpdateRepository on " + downstream + " with the "
                + "upstreams it should have now (without upstreams, it keeps the others and drops the deleted ones).",
                null, false, false);
    }
}
