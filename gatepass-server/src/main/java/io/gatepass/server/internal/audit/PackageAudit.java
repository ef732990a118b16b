package io.gatepass.server.internal.audit;

import io.gatepass.server.internal.endpoints.packages.EndpointPath;
import io.gatepass.server.internal.endpoints.packages.TokenCredentials;

import java.time.Clock;
import java.util.Optional;

/**
 * Audit lines for the package endpoints (npm, PyPI, Maven), which present repository tokens instead of signatures:
 * a presented token refused (401) or its holder denied (403) is a {@code refusal}; a write (publish, dist-tag,
 * upload: any method but GET and HEAD) is a {@code change} with action {@code codeartifact:PublishPackageVersion},
 * whatever its outcome. Reads that succeed have no line: they are the bulk of the traffic and change nothing. The
 * resource is the repository's ARN; {@code detail} is the format's method and path (never a body or a query string).
 */
public final class PackageAudit {
    public static final String READ_ACTION = "codeartifact:ReadFromRepository";
    public static final String WRITE_ACTION = "codeartifact:PublishPackageVersion";

    private final AuditLog log;
    private final Clock clock;
    private final String region;
    private final Runnable tokenRefused;

    public PackageAudit(AuditLog log, Clock clock, String region) {
        this(log, clock, region, () -> { });
    }

    /** {@code tokenRefused} is run once for each presented repository token refused (401), e.g. to count it. */
    public PackageAudit(AuditLog log, Clock clock, String region, Runnable tokenRefused) {
        this.log = log;
        this.clock = clock;
        this.region = region;
        this.tokenRefused = tokenRefused;
    }

    /** A request refused before it reached its format (bad token, wrong domain, unknown repository). */
    public void refused(String rawPath, String method, String authorization, String source, int status) {
        Optional<String> token = presented(authorization);
        if (status == 401 && token.isPresent()) {
            tokenRefused.run();
            log.record(event(AuditEvent.Kind.REFUSAL, rawPath, method, source, status).token(token.get()).build());
        }
    }

    /** An admitted request's answer; {@code principalArn} is the token holder's. */
    public void answered(String rawPath, String method, String authorization, String principalArn, String source,
                         int status) {
        boolean write = !method.equals("GET") && !method.equals("HEAD");
        if (status == 401 && presented(authorization).isPresent()) {
            tokenRefused.run();
        }
        if (status != 401 && status != 403 && !write) {
            return;
        }
        AuditEvent.Kind kind = status == 401 || status == 403 ? AuditEvent.Kind.REFUSAL : AuditEvent.Kind.CHANGE;
        log.record(event(kind, rawPath, method, source, status).principal(principalArn, account(principalArn), null)
                .token(presented(authorization).orElse(null)).build());
    }

    private AuditEvent.Builder event(AuditEvent.Kind kind, String rawPath, String method, String source, int status) {
        boolean write = !method.equals("GET") && !method.equals("HEAD");
        Optional<EndpointPath> path = EndpointPath.parse(rawPath);
        return AuditEvent.at(clock.instant(), kind).action(write ? WRITE_ACTION : READ_ACTION)
                .failure(status < 400 ? null : status == 401 ? "Unauthorized" : status == 403 ? "AccessDenied"
                        : "HTTP" + status)
                .resource(path.map(p -> "arn:aws:codeartifact:" + region + ":" + p.owner() + ":repository/"
                        + p.domain() + "/" + p.repository()).orElse(null))
                .source(source, null)
                .detail(path.map(p -> p.format() + " " + method + " /" + p.rest()).orElse(method)
                        .replaceAll("\\p{Cntrl}", "?"));
    }

    private static Optional<String> presented(String authorization) {
        return TokenCredentials.from(authorization) instanceof TokenCredentials.Token token
                ? Optional.of(token.value()) : Optional.empty();
    }

    private static String account(String arn) {
        String[] parts = arn == null ? new String[0] : arn.split(":", 6);
        return parts.length > 4 ? parts[4] : null;
    }
}
