package io.gatepass.server.api.codeartifact;

import io.gatepass.core.error.CommonErrors;
import io.gatepass.core.error.ErrorCode;

/** CodeArtifact's error catalogue, with the HTTP statuses of the AWS model. */
public final class CodeArtifactErrors {
    private CodeArtifactErrors() {
    }

    public static final ErrorCode VALIDATION = ErrorCode.sender("ValidationException", 400)
            .withField("reason", "FIELD_VALIDATION_FAILED");
    public static final ErrorCode ACCESS_DENIED = ErrorCode.sender("AccessDeniedException", 403);
    public static final ErrorCode NOT_FOUND = ErrorCode.sender("ResourceNotFoundException", 404);
    public static final ErrorCode CONFLICT = ErrorCode.sender("ConflictException", 409);
    public static final ErrorCode QUOTA_EXCEEDED = ErrorCode.sender("ServiceQuotaExceededException", 402);
    public static final ErrorCode THROTTLING = ErrorCode.sender("ThrottlingException", 429);
    public static final ErrorCode INTERNAL = ErrorCode.receiver("InternalServerException", 500);

    static ErrorCode spell(ErrorCode code) {
        return switch (code.code()) {
            case "AccessDenied" -> ACCESS_DENIED;
            case "InternalFailure" -> INTERNAL;
            case "Throttling" -> THROTTLING;
            default -> CommonErrors.forJson(code);
        };
    }
}
