package io.gatepass.server.internal.http;

import io.gatepass.server.internal.api.CommonErrors;
import io.gatepass.core.error.ServiceException;
import io.gatepass.core.id.IdGenerator;
import io.gatepass.server.internal.api.EchoedValues;
import io.gatepass.server.internal.api.OperationTable;
import io.gatepass.server.internal.api.ServiceDescriptor;
import io.gatepass.server.internal.audit.ApiAudit;
import io.gatepass.server.internal.audit.AuditLog;
import io.gatepass.server.internal.audit.AuditScope;
import io.gatepass.server.internal.throttling.Throttle;
import io.gatepass.server.internal.ops.LoggedFailure;
import io.gatepass.server.internal.ops.RequestMetrics;
import io.gatepass.server.internal.protocol.DecodedCall;
import io.gatepass.server.internal.protocol.HttpDate;
import io.gatepass.server.internal.protocol.InputLimits;
import io.gatepass.server.internal.protocol.ProtocolCodec;
import io.gatepass.server.internal.protocol.WireRequest;
import io.gatepass.server.internal.protocol.WireResponse;
import io.gatepass.store.NonBlockingScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;

/**
 * The path of every API request: pick the protocol, authenticate the signature, resolve the operation, admit it
 * through the throttle, bind the input, run the handler, and write the result or the error in the protocol's shape;
 * then write the call's audit line. Every response carries
 * {@code x-amzn-RequestId} and, as AWS's do, a {@code Date} from the clock that checks signatures ({@link HttpDate}).
 * Unexpected failures are logged with the request id and answered as a 500 without details.
 */
public final class ApiPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(ApiPipeline.class);

    private final ProtocolSelector protocols;
    private final RequestAuthenticator authenticator;
    private final OperationTable operations;
    private final IdGenerator ids;
    private final Clock clock;
    private final HttpDate date;
    private final RequestMetrics metrics;
    private final ApiAudit audit;
    private final Throttle throttle;
    private final InputLimits inputLimits;

    public ApiPipeline(ProtocolSelector protocols, RequestAuthenticator authenticator, OperationTable operations,
                       IdGenerator ids, Clock clock, RequestMetrics metrics) {
        this(protocols, authenticator, operations, ids, clock, metrics, new ApiAudit(AuditLog.OFF, false),
                Throttle.off(), new InputLimits(Integer.MAX_VALUE, Integer.MAX_VALUE));
    }

    /**
     * @param audit    writes the audit line of each call (see {@link ApiAudit} for which calls have one)
     * @param throttle    admits each authenticated call, or has it answered as AWS answers a throttled one
     * @param inputLimits the nesting depth and list length every decoded input is held to
     */
    public ApiPipeline(ProtocolSelector protocols, RequestAuthenticator authenticator, OperationTable operations,
                       IdGenerator ids, Clock clock, RequestMetrics metrics, ApiAudit audit, Throttle throttle,
                       InputLimits inputLimits) {
        this.audit = audit;
        this.throttle = throttle;
        this.inputLimits = inputLimits;
        this.protocols = protocols;
        this.authenticator = authenticator;
        this.operations = operations;
        this.ids = ids;
        this.clock = clock;
        this.date = new HttpDate(clock);
        this.metrics = metrics;
    }

    public WireResponse handle(WireRequest request) {
        return handle(request, null);
    }

    /** @param sourceAddress the client's address, for the audit log; null if unknown */
    public WireResponse handle(WireRequest request, String sourceAddress) {
        long started = System.nanoTime();
        Instant now = clock.instant(); // the call's time: the operation's and its audit line's
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
        DecodedCall refused = null; // what a request refused before it was authenticated asked, if it could be read
        boolean refusedDecoded = false; // whether that was tried (once per request: it may read the whole body)
        AuditScope scope = AuditScope.open();
        boolean onEventLoop = NonBlockingScope.active();
        boolean charged = false;
        try {
            signer = authenticator.authenticate(request);
            service = operations.service(signer.scopeService()).orElse(null);
            DecodedCall call = codec.decode(request, operations, signer.scopeService());
            service = call.operation().service();
            operation = call.operation().name();
            action = call.operation().action();
            if (!service.signingName().equals(signer.scopeService())) {
                throw CommonErrors.SIGNATURE_DOES_NOT_MATCH.exception(
                        "Credential should be scoped to correct service: '%s'. ", service.signingName());
            }
            if (onEventLoop && !EventLoopOperations.allows(action)) {
                throw NonBlockingScope.wouldBlock();
            }
            // On a worker the bucket is charged before the call runs. On the event loop it is charged after: a call
            // there writes nothing (a write stops it with WouldBlock, and it is redone on a worker), so it is charged
            // exactly once, by whichever run answers.
            long throttled = 0;
            if (!onEventLoop) {
                charged = true;
                throttled = throttle.admitCall(service.signingName(), operation, signer.principal().accountId());
            }
            if (throttled == 0) {
                inputLimits.check(call.input(), service.validationError());
                input = codec.bind(call);
                output = call.operation().invoke(input, signer.principal(), requestId, now);
                if (onEventLoop) {
                    charged = true;
                    throttled = throttle.admitCall(service.signingName(), operation, signer.principal().accountId());
                }
            }
            if (throttled > 0) {
                output = null;
                response = Throttle.answer(codec, service, throttled, requestId);
                errorCode = service.spell(Throttle.exception().errorCode()).code();
            } else {
                response = codec.success(call, output, requestId);
            }
        } catch (NonBlockingScope.WouldBlock e) {
            throw e; // redone on a worker (handleWithoutBlocking): no audit line, no metrics for this run
        } catch (ServiceException e) {
            long throttled = onEventLoop && !charged && signer != null && action != null
                    ? throttle.admitCall(service.signingName(), operation, signer.principal().accountId()) : 0;
            ServiceException answered = throttled > 0 ? Throttle.exception() : e;
            // a refused signature is spelled as the service the request was for spells it (GameLift's are 400s)
            if (service == null) {
                refused = decodeRefused(codec, request);
                refusedDecoded = true;
            }
            ServiceDescriptor spelledBy = service != null ? service
                    : refused == null ? null : refused.operation().service();
            response = throttled > 0 ? Throttle.answer(codec, service, throttled, requestId)
                    : codec.error(spelledBy, EchoedValues.bounded(e), requestId);
            errorCode = spelledBy == null ? e.code() : spelledBy.spell(answered.errorCode()).code();
        } catch (io.gatepass.store.StoreUnavailableException e) { // the database is restarting or unreachable
            LOG.warn("request {} ({} {}) failed: {}", requestId, codec.name(), operation, e.getMessage());
            response = codec.error(service, CommonErrors.SERVICE_UNAVAILABLE.exception(
                    "The service is temporarily unavailable. Please try again."), requestId);
            errorCode = CommonErrors.SERVICE_UNAVAILABLE.code();
        } catch (RuntimeException e) {
            LOG.error("request {} ({} {}) failed", requestId, codec.name(), operation, LoggedFailure.of(e));
            response = codec.error(service, CommonErrors.INTERNAL_FAILURE.exception(
                    "We encountered an internal error. Please try again."), requestId);
            errorCode = CommonErrors.INTERNAL_FAILURE.code();
        } finally {
            scope.close();
        }
        if (signer == null) {
            action = refusedAction(codec, request, refused, refusedDecoded);
        }
        audit.record(new ApiAudit.Call(now, requestId, sourceAddress, request,
                signer == null ? null : signer.principal(), action, input, errorCode == null ? output : null,
                errorCode, action == null ? null : scope.resource(action)));
        metrics.record(service == null ? "unknown" : service.signingName(), operation, response.status(),
                System.nanoTime() - started);
        return response.withHeaders("x-amzn-RequestId", requestId, HttpDate.HEADER, date.now());
    }

    /**
     * A request refused before it was authenticated, decoded as far as it can be, with the service of its credential
     * scope where the protocol leaves a choice; null if it cannot be. Its operation's service is the one the request
     * was for (the X-Amz-Target's prefix, the CBOR path's service, a REST route), whose spelling the refusal takes, as
     * AWS answers from the endpoint of the service asked.
     */
    private DecodedCall decodeRefused(ProtocolCodec codec, WireRequest request) {
        try {
            return codec.decode(request, operations, ApiAudit.claimedService(request));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * What a request whose signature was refused asked to do ({@code service:Operation}, the service as its credential
     * scope names it), if it can be read; {@code decoded} is the request as {@link #decodeRefused} read it, if that
     * was {@code tried} already.
     */
    private String refusedAction(ProtocolCodec codec, WireRequest request, DecodedCall decoded, boolean tried) {
        String service = ApiAudit.claimedService(request);
        if (service == null || operations.service(service).isEmpty()) {
            return null;
        }
        DecodedCall call = tried ? decoded : decodeRefused(codec, request);
        return call == null ? null : service + ":" + call.operation().name();
    }

    /**
     * The response if the request can be answered without waiting for the store (what it reads is cached, and it is
     * one of the {@link EventLoopOperations}), for the event loop; else null, and {@link #handle} must run on a worker.
     *
     * @param sourceAddress the client's address, for the audit log; null if unknown
     */
    public WireResponse handleWithoutBlocking(WireRequest request, String sourceAddress) {
        try {
            return NonBlockingScope.run(() -> handle(request, sourceAddress));
        } catch (NonBlockingScope.WouldBlock e) {
            return null;
        }
    }

    /**
     * Checks a request's signature before its body is read, as far as it can be: for a streamed body whose SHA-256
     * the signer declared in a signed {@code x-amz-content-sha256}, passed here as {@code withDeclaredHash}'s upload
     * (the body is checked against it once read, by {@link #handle}).
     *
     * @return why the signature does not hold, or empty if it does
     */
    public java.util.Optional<ServiceException> authenticationFailure(WireRequest withDeclaredHash) {
        try {
            authenticator.authenticate(withDeclaredHash);
            return java.util.Optional.empty();
        } catch (ServiceException e) {
            return java.util.Optional.of(e);
        }
    }

    /** An error for a request that never reached the pipeline (e.g. too large), in its protocol's shape. */
    public WireResponse reject(WireRequest request, ServiceException error) {
        String requestId = ids.requestId();
        return protocols.select(request).error(null, EchoedValues.bounded(error), requestId)
                .withHeaders("x-amzn-RequestId", requestId, HttpDate.HEADER, date.now());
    }
}
