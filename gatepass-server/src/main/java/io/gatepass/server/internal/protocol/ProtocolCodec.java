package io.gatepass.server.internal.protocol;

import io.gatepass.core.error.ServiceException;
import io.gatepass.server.internal.api.OperationTable;
import io.gatepass.server.internal.api.ServiceDescriptor;

/**
 * One AWS wire protocol: finds the operation a request names, binds its input, and writes results and errors in
 * the protocol's own shape.
 */
public interface ProtocolCodec {

    /** A short name for metrics and logs: query, awsJson1_1, rpcv2Cbor, restJson. */
    String name();

    /**
     * Resolves the operation and parses the input members.
     *
     * @param scopeService the service named in the request's SigV4 credential scope (may be null when unsigned)
     * @throws ServiceException for unknown operations and malformed bodies
     */
    DecodedCall decode(WireRequest request, OperationTable table, String scopeService);

    /** Binds the input tree to the operation's input record; type mismatches are the protocol's input error. */
    Object bind(DecodedCall call);

    WireResponse success(DecodedCall call, Object output, String requestId);

    /** @param service the service the request was for, when known (it decides the error's spelling) */
    WireResponse error(ServiceDescriptor service, ServiceException error, String requestId);
}
