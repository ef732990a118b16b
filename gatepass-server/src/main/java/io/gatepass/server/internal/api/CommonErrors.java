package io.gatepass.server.internal.api;

import io.gatepass.core.error.ErrorCode;

import static io.gatepass.server.internal.api.ErrorSpec.receiver;
import static io.gatepass.server.internal.api.ErrorSpec.sender;

/**
 * The errors every AWS protocol knows, before any service's catalogue applies. Each is named as the query protocol
 * names it; the authentication errors, ServiceUnavailable and Throttling carry the JSON protocols' spelling too
 * ({@link #json()}), e.g. InvalidClientTokenId is UnrecognizedClientException on awsJson1_1, rpcv2Cbor and restJson.
 * A service may spell some of them its own way ({@link ServiceError#spells()}, {@link ErrorSpelling}).
 */
public enum CommonErrors implements CatalogueEntry {
    MISSING_AUTHENTICATION_TOKEN(sender("MissingAuthenticationToken", 403)
            .json("MissingAuthenticationTokenException", 403)),
    INCOMPLETE_SIGNATURE(sender("IncompleteSignature", 400).json("IncompleteSignatureException", 400)),
    INVALID_CLIENT_TOKEN_ID(sender("InvalidClientTokenId", 403).json("UnrecognizedClientException", 403)),
    SIGNATURE_DOES_NOT_MATCH(sender("SignatureDoesNotMatch", 403).json("InvalidSignatureException", 403)),
    REQUEST_EXPIRED(sender("RequestExpired", 400).json("InvalidSignatureException", 403)),
    EXPIRED_TOKEN(sender("ExpiredToken", 403).json("ExpiredTokenException", 403)),
    ACCESS_DENIED(sender("AccessDenied", 403).json("AccessDeniedException", 403)),

    INVALID_ACTION(sender("InvalidAction", 400)),
    UNKNOWN_OPERATION(sender("UnknownOperationException", 400)),
    /** restJson: no route matches the request's method and path. */
    NO_ROUTE(sender("UnknownOperationException", 404)),
    /** The RPC protocols (awsJson1_1, rpcv2Cbor) take POST only. */
    METHOD_NOT_ALLOWED(sender("UnknownOperationException", 405)),
    SERIALIZATION(sender("SerializationException", 400)),
    MALFORMED_QUERY_STRING(sender("MalformedQueryString", 404)),
    MISSING_ACTION(sender("MissingAction", 400)),
    MISSING_PARAMETER(sender("MissingParameter", 400)),
    UNSUPPORTED_MEDIA_TYPE(sender("UnsupportedMediaTypeException", 415)),
    REQUEST_ENTITY_TOO_LARGE(sender("RequestEntityTooLarge", 413)),
    INTERNAL_FAILURE(receiver("InternalFailure", 500)),
    /**
     * A temporary failure (the store is unreachable, the connection caps are reached): the same request may succeed
     * when retried. The JSON protocols name it ServiceUnavailableException, as the AWS models of the JSON services that
     * declare a 503 error do; the SDKs retry it for its status.
     */
    SERVICE_UNAVAILABLE(receiver("ServiceUnavailable", 503).json("ServiceUnavailableException", 503)),
    THROTTLING(sender("Throttling", 400).json("ThrottlingException", 400)),
    NOT_FOUND(sender("NotFound", 404));

    private final ErrorSpec spec;

    CommonErrors(ErrorSpec spec) {
        this.spec = spec;
    }

    @Override
    public ErrorSpec spec() {
        return spec;
    }

    /** This error as the JSON protocols spell it (itself, unless they name it differently). */
    public ErrorCode json() {
        return spec.json() != null ? spec.json() : this;
    }

    /** The JSON protocols' spelling of any error, for a request whose service is not known. */
    public static ErrorCode forJson(ErrorCode code) {
        return ErrorSpelling.JSON.spell(code);
    }
}
