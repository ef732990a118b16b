package io.gatepass.server.http;

import io.gatepass.core.error.CommonErrors;
import io.gatepass.core.error.ServiceException;
import io.gatepass.core.id.IdGenerator;
import io.gatepass.server.api.CallContext;
import io.gatepass.server.api.OperationTable;
import io.gatepass.server.api.ServiceDescriptor;
import io.gatepass.server.audit.ApiAudit;
import io.gatepass.server.audit.AuditLog;
import io.gatepass.server.audit.AuditScope;
import io.gatepass.server.ops.RequestMetrics;
import io.gatepass.server.protocol.DecodedCall;
import io.gatepass.server.protocol.ProtocolCodec;
import io.gatepass.server.protocol.WireRequest;
import io.gatepass.server.protocol.WireResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * The path of every API request: pick the protocol, authenticate the signature, resolve the operation, bind the
 * input, run the handler, and write the result or the error in the protocol's shape. Every response carries
 * {@code x-amzn-RequestId}. Unexpected failures are logged with the request id and answered as a 500 without details.
 */
public final class ApiPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(ApiPipeline.class);

    private final ProtocolSelector protocols;
    private final RequestAuthenticator authenticator;
    private final OperationTable operations;
    private final IdGenerator ids;
    private final Clock clock;
    private final RequestMetrics metrics;
    private final ApiAudit audit;

    public ApiPipeline(ProtocolSelector protocols, RequestAuthenticator authenticator, OperationTable operations,
                       IdGenerator ids, Clock clock, RequestMetrics metrics) {
        this(protocols, authenticator, operations, ids, clock, metrics, new ApiAudit(AuditLog.OFF, false));
    }

    /** @param audit writes the audit line of each call (see {@link ApiAudit} for which calls have one) */
    public ApiPipeline(ProtocolSelector protocols, RequestAuthenticator authenticator, OperationTable operations,
                       IdGenerator ids, Clock clock, RequestMetrics metrics, ApiAudit audit) {
        this.audit = audit;
        this.protocols = protocols;
        this.authenticator = authenticator;
        this.operations = operations;
        this.ids = ids;
        this.clock = clock;
        this.metrics = metrics;
    }

    public WireResponse handle(WireRequest request) {
        return handle(request, null);
    }

    /** @param sourceAddress the client's address, for the audit log; null if unknown */
    public WireResponse handle(WireRequest request, String sourceAddress) {
        long started = System.nanoTime();
        String requestId = ids.requestId();
        ProtocolCodec codec = protocols.select(request);
        ServiceDescriptor service = null;
        String operation = "unknown";
        WireResponse response;
        Authenticated signer = null;
        String action = null;
        Object input = null;
        Object output = null;
        String errorCode = null;
        AuditScope scope = AuditScope.open();
        try {
            signer = authenticator.authenticate(request);
            service = operations.service(signer.scopeService()).orElse(null);
            DecodedCall call = codec.decode(request, operations, signer.scopeService());
            service = call.operation().service();
            operation = call.operation().name();
            action = service.signingName() + ":" + operation;
            if (!service.signingName().equals(signer.scopeService())) {
                throw CommonErrors.SIGNATURE_DOES_NOT_MATCH.exception(
                        "Credential should be scoped to correct service: '%s'. ", service.signingName());
            }
            input = codec.bind(call);
            output = call.operation().invoke(input, new CallContext(signer.principal(), requestId,
                    clock.instant()));
            response = codec.success(call, output, requestId);
        } catch (ServiceException e) {
            response = codec.error(service, e, requestId);
            errorCode = service == null ? e.code() : service.spell(e.errorCode()).code();
        } catch (RuntimeException e) {
            LOG.error("request {} ({} {}) failed", requestId, codec.name(), operation, e);
            response = codec.error(service, CommonErrors.INTERNAL_FAILURE.exception(
                    "We encountered an internal error. Please try again."), requestId);
            errorCode = CommonErrors.INTERNAL_FAILURE.code();
        } finally {
            scope.close();
        }
        if (signer == null) {
            action = refusedAction(codec, request);
        }
        audit.record(new ApiAudit.Call(clock.instant(), requestId, sourceAddress, request,
                signer == null ? null : signer.principal(), action, input, errorCode == null ? output : null,
                errorCode, action == null ? null : scope.resource(action)));
        metrics.record(service == null ? "unknown" : service.signingName(), operation, response.status(),
                System.nanoTime() - started);
        return response.withHeader("x-amzn-RequestId", requestId);
    }

    /** What a request whose signature was refused asked to do ({@code service:Operation}), if it can be read. */
    private String refusedAction(ProtocolCodec codec, WireRequest request) {
        String service = ApiAudit.claimedService(request);
        if (service == null || operations.service(service).isEmpty()) {
            return null;
        }
        try {
            return service + ":" + codec.decode(request, operations, service).operation().name();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** An error for a request that never reached the pipeline (e.g. too large), in its protocol's shape. */
    public WireResponse reject(WireRequest request, ServiceException error) {
        String requestId = ids.requestId();
        return protocols.select(request).error(null, error, requestId).withHeader("x-amzn-RequestId", requestId);
    }
}
