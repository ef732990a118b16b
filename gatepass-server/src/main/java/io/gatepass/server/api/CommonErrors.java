package io.gatepass.server.api;

import io.gatepass.core.error.ErrorCode;
import io.gatepass.core.error.Fault;

/**
 * The errors every AWS protocol knows, before any service's catalogue applies. Each is named as the query protocol
 * names it; the authentication errors and Throttling carry the JSON protocols' spelling too ({@link #json()}), e.g.
 * InvalidClientTokenId is UnrecognizedClientException on awsJson1_1, rpcv2Cbor and restJson. A service may spell
 * some of them its own way ({@link ServiceError#spells()}, {@link ErrorSpelling}).
 */
public enum CommonErrors implements ErrorCode {
    MISSING_AUTHENTICATION_TOKEN("MissingAuthenticationToken", 403, "MissingAuthenticationTokenException", 403),
    INCOMPLETE_SIGNATURE("IncompleteSignature", 400, "IncompleteSignatureException", 400),
    INVALID_CLIENT_TOKEN_ID("InvalidClientTokenId", 403, "UnrecognizedClientException", 403),
    SIGNATURE_DOES_NOT_MATCH("SignatureDoesNotMatch", 403, "InvalidSignatureException", 403),
    REQUEST_EXPIRED("RequestExpired", 400, "InvalidSignatureException", 403),
    EXPIRED_TOKEN("ExpiredToken", 403, "ExpiredTokenException", 403),
    ACCESS_DENIED("AccessDenied", 403, "AccessDeniedException", 403),

    INVALID_ACTION("InvalidAction", 400),
    UNKNOWN_OPERATION("UnknownOperationException", 400),
    /** restJson: no route matches the request's method and path. */
    NO_ROUTE("UnknownOperationException", 404),
    /** The RPC protocols (awsJson1_1, rpcv2Cbor) take POST only. */
    METHOD_NOT_ALLOWED("UnknownOperationException", 405),
    SERIALIZATION("SerializationException", 400),
    MALFORMED_QUERY_STRING("MalformedQueryString", 404),
    MISSING_ACTION("MissingAction", 400),
    MISSING_PARAMETER("MissingParameter", 400),
    UNSUPPORTED_MEDIA_TYPE("UnsupportedMediaTypeException", 415),
    REQUEST_ENTITY_TOO_LARGE("RequestEntityTooLarge", 413),
    INTERNAL_FAILURE("InternalFailure", 500, Fault.RECEIVER),
    /** A temporary failure (e.g. the store is unreachable): the same request may succeed when retried. */
    SERVICE_UNAVAILABLE("ServiceUnavailable", 503, Fault.RECEIVER, "ServiceUnavailableException", 503),
    THROTTLING("Throttling", 400, "ThrottlingException", 400),
    NOT_FOUND("NotFound", 404);

    private final String code;
    private final int httpStatus;
    private final Fault fault;
    private final ErrorCode json;

    CommonErrors(String code, int httpStatus) {
        this(code, httpStatus, Fault.SENDER);
    }

    CommonErrors(String code, int httpStatus, Fault fault) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.fault = fault;
        this.json = this;
    }

    CommonErrors(String code, int httpStatus, String jsonCode, int jsonStatus) {
        this(code, httpStatus, Fault.SENDER, jsonCode, jsonStatus);
    }

    CommonErrors(String code, int httpStatus, Fault fault, String jsonCode, int jsonStatus) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.fault = fault;
        this.json = new Spelled(jsonCode, jsonStatus, fault);
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }

    @Override
    public Fault fault() {
        return fault;
    }

    /** This error as the JSON protocols spell it (itself, unless they name it differently). */
    public ErrorCode json() {
        return json;
    }

    /** The JSON protocols' spelling of any error, for a request whose service is not known. */
    public static ErrorCode forJson(ErrorCode code) {
        return ErrorSpelling.JSON.spell(code);
    }

    /** An error as a protocol writes it under another name or status than its catalogue entry. */
    record Spelled(String code, int httpStatus, Fault fault) implements ErrorCode {
    }
}
