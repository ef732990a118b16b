package io.gatepass.core.error;

/**
 * Errors every AWS protocol knows, before any service-specific catalogue applies. The JSON protocols spell the
 * authentication errors with an {@code Exception} suffix; {@link #forJson(ErrorCode)} maps them.
 */
public final class CommonErrors {
    private CommonErrors() {
    }

    public static final ErrorCode MISSING_AUTHENTICATION_TOKEN = ErrorCode.sender("MissingAuthenticationToken", 403);
    public static final ErrorCode INCOMPLETE_SIGNATURE = ErrorCode.sender("IncompleteSignature", 400);
    public static final ErrorCode INVALID_CLIENT_TOKEN_ID = ErrorCode.sender("InvalidClientTokenId", 403);
    public static final ErrorCode SIGNATURE_DOES_NOT_MATCH = ErrorCode.sender("SignatureDoesNotMatch", 403);
    public static final ErrorCode REQUEST_EXPIRED = ErrorCode.sender("RequestExpired", 400);
    public static final ErrorCode EXPIRED_TOKEN = ErrorCode.sender("ExpiredToken", 403);
    public static final ErrorCode ACCESS_DENIED = ErrorCode.sender("AccessDenied", 403);

    public static final ErrorCode INVALID_ACTION = ErrorCode.sender("InvalidAction", 400);
    public static final ErrorCode UNKNOWN_OPERATION = ErrorCode.sender("UnknownOperationException", 400);
    public static final ErrorCode SERIALIZATION = ErrorCode.sender("SerializationException", 400);
    public static final ErrorCode MALFORMED_QUERY_STRING = ErrorCode.sender("MalformedQueryString", 404);
    public static final ErrorCode MISSING_ACTION = ErrorCode.sender("MissingAction", 400);
    public static final ErrorCode MISSING_PARAMETER = ErrorCode.sender("MissingParameter", 400);
    public static final ErrorCode UNSUPPORTED_MEDIA_TYPE = ErrorCode.sender("UnsupportedMediaTypeException", 415);
    public static final ErrorCode REQUEST_ENTITY_TOO_LARGE = ErrorCode.sender("RequestEntityTooLarge", 413);
    public static final ErrorCode INTERNAL_FAILURE = ErrorCode.receiver("InternalFailure", 500);
    /** A temporary failure (e.g. the store is unreachable): the same request may succeed when retried. */
    public static final ErrorCode SERVICE_UNAVAILABLE = ErrorCode.receiver("ServiceUnavailable", 503);
    public static final ErrorCode THROTTLING = ErrorCode.sender("Throttling", 400);
    public static final ErrorCode NOT_FOUND = ErrorCode.sender("NotFound", 404);

    /** The JSON protocols' spelling of an authentication error, e.g. InvalidClientTokenId → UnrecognizedClientException. */
    public static ErrorCode forJson(ErrorCode code) {
        return switch (code.code()) {
            case "MissingAuthenticationToken" -> ErrorCode.sender("MissingAuthenticationTokenException", 403);
            case "IncompleteSignature" -> ErrorCode.sender("IncompleteSignatureException", 400);
            case "InvalidClientTokenId" -> ErrorCode.sender("UnrecognizedClientException", 403);
            case "SignatureDoesNotMatch" -> ErrorCode.sender("InvalidSignatureException", 403);
            case "RequestExpired" -> ErrorCode.sender("InvalidSignatureException", 403);
            case "ExpiredToken" -> ErrorCode.sender("ExpiredTokenException", 403);
            case "AccessDenied" -> ErrorCode.sender("AccessDeniedException", 403);
            case "Throttling" -> ErrorCode.sender("ThrottlingException", 400);
            case "ServiceUnavailable" -> ErrorCode.receiver("ServiceUnavailableException", 503);
            default -> code;
        };
    }
}
