package io.gatepass.server.internal.endpoints.sdk;

import io.gatepass.core.token.TokenVerifier;
import io.gatepass.server.internal.audit.AuditEvent;
import io.gatepass.server.internal.audit.AuditLog;
import io.vertx.core.http.HttpServerRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Refuses the upgrade of a compute websocket (the SDK's or the agent's): the HTTP status and nothing else to the
 * client; the reason, who asked and the token's fingerprint (never the token) to the log; one count to the endpoint's
 * metric; and a refusal line in the audit log.
 */
public final class HandshakeRefusals {
    private static final Logger LOG = LoggerFactory.getLogger(HandshakeRefusals.class);

    private final String endpoint;
    private final String auditAction;
    private final Consumer<Refusal> counter;
    private final AuditLog audit;
    private final Clock clock;

    /**
     * @param endpoint    which websocket, for the log ("SDK websocket")
     * @param auditAction the audit log's name for connecting to it
     * @param counter     counts each refusal (for /metrics)
     */
    public HandshakeRefusals(String endpoint, String auditAction, Consumer<Refusal> counter, AuditLog audit,
                             Clock clock) {
        this.endpoint = endpoint;
        this.auditAction = auditAction;
        this.counter = counter;
        this.audit = audit;
        this.clock = clock;
    }

    /** Counts a refusal found after the upgrade (the socket is closed with a websocket close code instead). */
    public void countAfterUpgrade(Refusal refusal) {
        counter.accept(refusal);
    }

    /**
     * @param query the handshake's parameters (empty if they could not be read)
     * @param who   the fleet, compute (and process) asked for, already {@link SdkWebSocketRoute#loggable}
     */
    public void refuse(HttpServerRequest request, Map<String, String> query, Refusal refusal, String who) {
        String token = query.get("Authorization");
        String claimedKey = query.getOrDefault("X-Amz-Credential", "").split("/", 2)[0];
        audit.record(AuditEvent.at(clock.instant(), AuditEvent.Kind.REFUSAL).action(auditAction)
                .failure(refusal.tag())
                .accessKeyId("SigV4".equals(token) && claimedKey.matches("[A-Za-z0-9]{1,128}") ? claimedKey : null)
                .token("SigV4".equals(token) ? query.get("X-Amz-Security-Token") : token)
                .source(request.remoteAddress() == null ? null : request.remoteAddress().hostAddress(), null)
                .detail(who)
                .build());
        LOG.warn("{} refused with {}: {} ({}, token {})", endpoint, refusal.httpStatus(), refusal.tag(), who,
                token == null || token.isEmpty() ? "none" : "SigV4".equals(token) ? "SigV4"
                        : TokenVerifier.fingerprint(token));
        counter.accept(refusal);
        request.response().setStatusCode(refusal.httpStatus()).putHeader("Content-Length", "0").end();
    }
}
