package io.gatepass.server.internal.endpoints.packages;

import io.gatepass.core.codeartifact.Repository;
import io.gatepass.core.token.RepositoryTokenSubject;
import io.gatepass.core.token.RepositoryTokens;
import io.gatepass.core.token.TokenVerifier;
import io.gatepass.core.token.Verification;
import io.gatepass.server.internal.throttling.Throttle;
import io.gatepass.store.BlobStore;
import io.gatepass.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The package endpoints without HTTP: admits a request (path shape, token, domain, format, repository, in that order,
 * so nothing about a domain is revealed without a valid token for it), then runs its format. The Vert.x side is
 * {@code http.PackageFrontDoor}.
 *
 * <p>Token verifications are cached until the token's expiry but re-checked at least every {@link #RECHECK} (the
 * domain may have been deleted); repository lookups likewise. So a deleted domain or repository is refused within a
 * second on every node.
 */
public final class PackageEndpoint {
    /** How long a verified token or a found repository is trusted before it is checked again. */
    public static final Duration RECHECK = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(PackageEndpoint.class);
    private static final int MAX_TOKENS = 10_000;
    private static final int MAX_REPOSITORIES = 10_000;
    /** The service name throttled repository endpoint requests are counted under (by format). */
    private static final String THROTTLED_SERVICE = "codeartifact-repository";
    /** Errors outside any known format: JSON bodies and a Basic challenge. */
    private static final PackageFormat PLAIN = new PackageFormat() {
        @Override
        public String format() {
            return "";
        }

        @Override
        public PackageResponse handle(PackageRequest request) {
            throw new IllegalStateException("no format");
        }
    };

    /** What {@link #admit} decided. */
    public sealed interface Admission {
    }

    /** Refused before any format ran: 401, 404, 429; send {@code response} as it is. */
    public record Refused(PackageResponse response) implements Admission {
    }

    /** Admitted: the format to run and the access it gets. */
    public record Admitted(PackageFormat format, EndpointPath path, RepositoryAccess access) implements Admission {
    }

    private record RepositoryName(String owner, String domain, String repository) {
    }

    private final PackageFormats formats;
    private final TokenVerifier<RepositoryTokenSubject> verifier;
    private final RepositoryPermissions permissions;
    private final Store store;
    private final BlobStore blobs;
    private final Supplier<String> publicUrl;
    private final String region;
    private final Clock clock;
    private final ShortLivedCache<String, Verification<RepositoryTokenSubject>> tokens;
    private final ShortLivedCache<RepositoryName, Boolean> repositories;
    private final Throttle throttle;
    private final io.gatepass.server.internal.endpoints.packages.upstream.Upstreams upstreams;

    /**
     * @param publicUrl the base URL clients reach the server at, without a trailing '/'
     */
    public PackageEndpoint(PackageFormats formats, TokenVerifier<RepositoryTokenSubject> verifier,
                           RepositoryPermissions permissions,
                           Store store, BlobStore blobs, Supplier<String> publicUrl, String region, Clock clock) {
        this(formats, verifier, permissions, store, blobs, publicUrl, region, clock, Throttle.off());
    }

    /**
     * @param publicUrl the base URL clients reach the server at, without a trailing '/'
     * @param throttle  admits each request by its (valid) authorization token, or has it answered with 429
     */
    public PackageEndpoint(PackageFormats formats, TokenVerifier<RepositoryTokenSubject> verifier,
                           RepositoryPermissions permissions,
                           Store store, BlobStore blobs, Supplier<String> publicUrl, String region, Clock clock,
                           Throttle throttle) {
        this(formats, verifier, permissions, store, blobs, publicUrl, region, clock, throttle, RECHECK, null);
    }

    /**
     * @param publicUrl the base URL clients reach the server at, without a trailing '/'
     * @param throttle  admits each request by its (valid) authorization token, or has it answered with 429
     * @param recheck   how long a verified token or a found repository is trusted ({@link #RECHECK} in production)
     * @param upstreams reads through upstream repositories and external connections; null for none
     */
    public PackageEndpoint(PackageFormats formats, TokenVerifier<RepositoryTokenSubject> verifier,
                           RepositoryPermissions permissions,
                           Store store, BlobStore blobs, Supplier<String> publicUrl, String region, Clock clock,
                           Throttle throttle, Duration recheck,
                           io.gatepass.server.internal.endpoints.packages.upstream.Upstreams upstreams) {
        this.upstreams = upstreams;
        this.throttle = throttle;
        this.formats = formats;
        this.verifier = verifier;
        this.permissions = permissions;
        this.store = store;
        this.blobs = blobs;
        this.publicUrl = publicUrl;
        this.region = region;
        this.clock = clock;
        this.tokens = new ShortLivedCache<>(clock, recheck, MAX_TOKENS);
        this.repositories = new ShortLivedCache<>(clock, recheck, MAX_REPOSITORIES);
    }

    /**
     * Checks every token and repository again at its next use: the store changed (a domain deleted, here or on another
     * node).
     */
    public void forgetAll() {
        tokens.clear();
        repositories.clear();
    }

    /**
     * Decides whether a request may reach its format. May block (store lookups) unless everything is cached.
     *
     * @param rawPath             the request path, not decoded
     * @param authorizationHeader the Authorization header, or null
     */
    public Admission admit(String rawPath, String authorizationHeader) {
        Optional<EndpointPath> parsed = EndpointPath.parse(rawPath);
        if (parsed.isEmpty()) {
            return new Refused(PLAIN.error(404, "Not a repository endpoint: package URLs have the form "
                    + "/codeartifact/<domain>-<owner>/<format>/<repository>/ (see GetRepositoryEndpoint)."));
        }
        EndpointPath path = parsed.get();
        PackageFormat format = formats.find(path.format()).orElse(PLAIN);
        TokenCredentials.Found found = TokenCredentials.from(authorizationHeader);
        String hint = " Get a token with 'aws codeartifact get-authorization-token --domain " + path.domain()
                + " --domain-owner " + path.owner() + "' (or 'aws codeartifact login') and send it as a Bearer token"
                + " or as the Basic password.";
        if (found instanceof TokenCredentials.Missing) {
            return unauthorized(format, path, "Authentication required." + hint);
        }
        if (found instanceof TokenCredentials.Unreadable unreadable) {
            return unauthorized(format, path, unreadable.why() + hint);
        }
        String token = ((TokenCredentials.Token) found).value();
        Verification<RepositoryTokenSubject> verification = tokens.get(token, verifier::verify,
                v -> v instanceof Verification.Valid<RepositoryTokenSubject> valid ? valid.expiry() : Instant.EPOCH);
        if (verification instanceof Verification.Refused<RepositoryTokenSubject> refused) {
            LOG.debug("package request refused: token {} {}", TokenVerifier.fingerprint(token), refused.reason());
            return unauthorized(format, path, refusal(refused, token, path) + hint);
        }
        RepositoryTokenSubject subject = ((Verification.Valid<RepositoryTokenSubject>) verification).subject();
        if (!subject.domainName().equals(path.domain()) || !subject.domainOwner().equals(path.owner())) {
            return unauthorized(format, path, "The authorization token was issued for domain " + subject.domainName()
                    + " owned by " + subject.domainOwner() + ", not for domain " + path.domain() + " owned by "
                    + path.owner() + "." + hint);
        }
        long throttled = throttle.admitRepositoryToken(token);
        if (throttled > 0) {
            throttle.throttled(THROTTLED_SERVICE, format == PLAIN ? "unknown" : format.format());
            return new Refused(format.error(429, Throttle.MESSAGE + ": too many requests with this authorization "
                    + "token; retry after the time Retry-After gives.")
                    .withHeader("Retry-After", Throttle.retryAfterSeconds(throttled)));
        }
        if (format == PLAIN) {
            return new Refused(PLAIN.error(404, "Gatepass does not serve the package format '" + path.format()
                    + "'; it serves " + String.join(", ", formats.names()) + "."));
        }
        RepositoryName name = new RepositoryName(path.owner(), path.domain(), path.repository());
        boolean exists = repositories.get(name, n -> store.repositories().find(n.owner(), n.domain(), n.repository())
                .map(Repository::name).isPresent() ? Boolean.TRUE : null, null) != null;
        if (!exists) {
            return new Refused(format.error(404, "Repository " + path.repository() + " not found in domain "
                    + path.domain() + "."));
        }
        return admitted(format, path, subject);
    }

    private Admitted admitted(PackageFormat format, EndpointPath path, RepositoryTokenSubject subject) {
        return new Admitted(format, path, new StoreRepositoryAccess(path, format, TokenPrincipals.of(subject),
                permissions, store.packages(), blobs, publicUrl.get(), region, upstreams));
    }

    /**
     * {@link #admit} from memory alone, never blocking: the admission when the token's verification and the
     * repository's existence are both still cached and the request is admitted; empty when anything is not cached or
     * the request would be refused (then call {@code admit} on a worker, which also words the refusal).
     */
    public Optional<Admitted> admitFromMemory(String rawPath, String authorizationHeader) {
        EndpointPath path = EndpointPath.parse(rawPath).orElse(null);
        PackageFormat format = path == null ? null : formats.find(path.format()).orElse(null);
        if (format == null || !(TokenCredentials.from(authorizationHeader) instanceof TokenCredentials.Token token)
                || !(tokens.peek(token.value()) instanceof Verification.Valid<RepositoryTokenSubject> valid)) {
            return Optional.empty();
        }
        RepositoryTokenSubject subject = valid.subject();
        if (!subject.domainName().equals(path.domain()) || !subject.domainOwner().equals(path.owner())
                || repositories.peek(new RepositoryName(path.owner(), path.domain(), path.repository())) == null) {
            return Optional.empty();
        }
        if (throttle.admitRepositoryToken(token.value()) > 0) {
            return Optional.empty(); // admit answers the 429 (asking again after a refusal takes nothing)
        }
        return Optional.of(admitted(format, path, subject));
    }

    /**
     * The admitted read's answer from memory ({@link PackageFormat#answerFromMemory}), never blocking; empty when the
     * format must run {@link #handle} on a worker.
     */
    public Optional<PackageResponse> answerFromMemory(Admitted admitted, String method, String query,
                                                      Map<String, List<String>> headers) {
        try {
            return admitted.format().answerFromMemory(new PackageRequest(method, admitted.path().rest(), query,
                    headers, Optional.empty(), admitted.access()));
        } catch (RuntimeException e) { // e.g. a malformed path: the worker answers it in the format's words
            return Optional.empty();
        }
    }

    /**
     * Runs the admitted request's format (blocking; on a worker thread). Never throws: failures become the format's
     * error responses, unexpected ones a logged 500.
     */
    public PackageResponse handle(Admitted admitted, String method, String query, Map<String, List<String>> headers,
                                  Optional<PackageRequest.Upload> body) {
        PackageFormat format = admitted.format();
        try {
            return format.handle(new PackageRequest(method, admitted.path().rest(), query, headers, body,
                    admitted.access()));
        } catch (PackageException e) {
            return e.response();
        } catch (io.gatepass.server.internal.endpoints.packages.upstream.MissingUpstream e) {
            return format.error(io.gatepass.server.internal.endpoints.packages.upstream.MissingUpstream.STATUS, e.getMessage());
        } catch (io.gatepass.store.StoreUnavailableException e) {
            LOG.warn("{} request {} {} failed: {}", format.format(), method, admitted.path().rest(), e.getMessage());
            return unavailable(format);
        } catch (RuntimeException e) {
            LOG.error("{} request {} {} failed", format.format(), method, admitted.path().rest(),
                    io.gatepass.server.internal.ops.LoggedFailure.of(e));
            return format.error(500, "Internal failure.");
        }
    }

    /** The answer while the store cannot be reached (restarting, or the network to it down): 503, try again. */
    public static PackageResponse unavailable(PackageFormat format) {
        return format.error(503, "Service unavailable: the store cannot be reached; try again shortly.")
                .withHeader("Retry-After", "1");
    }

    /** The response for an admitted request whose upload was larger than allowed. */
    public static PackageResponse tooLarge(PackageFormat format, long maxBytes) {
        return format.error(413, "The upload is larger than the limit of " + maxBytes + " bytes.");
    }

    /** The format for a path, for errors the front door answers itself; a JSON default if there is none. */
    public PackageFormat formatFor(String rawPath) {
        return EndpointPath.parse(rawPath).flatMap(p -> formats.find(p.format())).orElse(PLAIN);
    }

    private Refused unauthorized(PackageFormat format, EndpointPath path, String message) {
        return new Refused(format.error(401, message).withHeader("WWW-Authenticate", format.challenge(path.realm())));
    }

    private String refusal(Verification.Refused<RepositoryTokenSubject> refused, String token, EndpointPath path) {
        return switch (refused.reason()) {
            case MALFORMED -> "The authorization token is not a CodeArtifact authorization token.";
            case UNKNOWN_KEY -> "The authorization token was not issued by this server, or its signing key was retired.";
            case BAD_SIGNATURE -> "The authorization token is not valid: its signature does not match.";
            case EXPIRED -> "The authorization token expired at "
                    + RepositoryTokens.claimedExpiry(token).map(Instant::toString).orElse("an earlier time") + ".";
            case REVOKED -> "The domain the authorization token was issued for no longer exists (it was deleted,"
                    + " or deleted and created again).";
        };
    }

    Clock clock() {
        return clock;
    }
}
