package io.gatepass.server.internal.http;

import io.gatepass.server.internal.api.gatepass.GatepassService;
import io.gatepass.server.internal.protocol.ProtocolCodec;
import io.gatepass.server.internal.protocol.WireRequest;

/**
 * Tells the protocol of a request from its headers and path alone (before the body is read): an
 * {@code X-Amz-Target} header is awsJson, {@code /service/S/operation/O} is rpcv2Cbor, {@code /v1/...} is restJson
 * (and so is Gatepass's own API under {@code /gatepass/}), and everything else is the query protocol.
 */
public record ProtocolSelector(ProtocolCodec query, ProtocolCodec awsJson, ProtocolCodec rpcV2Cbor,
                               ProtocolCodec restJson) {

    public ProtocolCodec select(WireRequest request) {
        if (request.header("x-amz-target") != null) {
            return awsJson;
        }
        String path = request.rawPath();
        if (path.startsWith("/service/") || request.header("smithy-protocol") != null) {
            return rpcV2Cbor;
        }
        if (path.startsWith("/v1/") || path.startsWith(GatepassService.PATH_PREFIX)) {
            return restJson;
        }
        return query;
    }
}
