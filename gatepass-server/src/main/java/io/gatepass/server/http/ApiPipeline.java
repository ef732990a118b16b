package io.gatepass.server.http;

import io.gatepass.core.error.CommonErrors;
import io.gatepass.core.error.ServiceException;
import io.gatepass.core.id.IdGenerator;
import io.gatepass.server.api.CallContext;
import io.gatepass.server.api.OperationTable;
import io.gatepass.server.api.ServiceDescriptor;
import io.gatepass.server.ops.RequestMetrics;
import io.gatepass.server.protocol.DecodedCall;
import io.gatepass.server.protocol.ProtocolCodec;
import io.gatepass.server.protocol.WireRequest;
import io.gatepass.server.protocol.WireResponse;
import io.gatepass.store.NonBlockingScope;
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

    public ApiPipeline(ProtocolSelector protocols, RequestAuthenticator authenticator, OperationTable operations,
                       IdGenerator ids, Clock clock, RequestMetrics metrics) {
        this.protocols = protocols;
        this.authenticator = authenticator;
        this.operations = operations;
        this.ids = ids;
        this.clock = clock;
        this.metrics = metrics;
    }

    public WireResponse handle(WireRequest request) {
        long started = System.nanoTime();
        String requestId = ids.requestId();
        ProtocolCodec codec = protocols.select(request);
        ServiceDescriptor service = null;
        String operation = "unknown";
        WireResponse response;
        try {
            Authenticated signer = authenticator.authenticate(request);
            service = operations.service(signer.scopeService()).orElse(null);
            DecodedCall call = codec.decode(request, operations, signer.scopeService());
            service = call.operation().service();
            operation = call.operation().name();
            if (!service.signingName().equals(signer.scopeService())) {
                throw CommonErrors.SIGNATURE_DOES_NOT_MATCH.exception(
                        "Credential should be scoped to correct service: '%s'. ", service.signingName());
            }
            if (NonBlockingScope.active() && !EventLoopOperations.allows(service.signingName(), operation)) {
                throw NonBlockingScope.wouldBlock();
            }
            Object input = codec.bind(call);
            Object output = call.operation().invoke(input, new CallContext(signer.principal(), requestId,
                    clock.instant()));
            response = codec.success(call, output, requestId);
        } catch (ServiceException e) {
            response = codec.error(service, e, requestId);
        } catch (NonBlockingScope.WouldBlock e) {
            throw e; // redone on a worker (handleWithoutBlocking)
        } catch (RuntimeException e) {
            LOG.error("request {} ({} {}) failed", requestId, codec.name(), operation, e);
            response = codec.error(service, CommonErrors.INTERNAL_FAILURE.exception(
                    "We encountered an internal error. Please try again."), requestId);
        }
        metrics.record(service == null ? "unknown" : service.signingName(), operation, response.status(),
                System.nanoTime() - started);
        return response.withHeader("x-amzn-RequestId", requestId);
    }

    /**
     * The response if the request can be answered without waiting for the store (what it reads is cached, and it is
     * one of the {@link EventLoopOperations}), for the event loop; else null, and {@link #handle} must run on a worker.
     */
    public WireResponse handleWithoutBlocking(WireRequest request) {
        try {
            return NonBlockingScope.run(() -> handle(request));
        } catch (NonBlockingScope.WouldBlock e) {
            return null;
        }
    }

    /** An error for a request that never reached the pipeline (e.g. too large), in its protocol's shape. */
    public WireResponse reject(WireRequest request, ServiceException error) {
        String requestId = ids.requestId();
        return protocols.select(request).error(null, error, requestId).withHeader("x-amzn-RequestId", requestId);
    }
}
