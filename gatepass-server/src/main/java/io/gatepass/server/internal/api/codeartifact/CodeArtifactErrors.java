package io.gatepass.server.internal.api.codeartifact;

import io.gatepass.server.internal.api.CommonErrors;
import io.gatepass.server.internal.api.ErrorSpec;
import io.gatepass.server.internal.api.ServiceError;

import java.util.Map;

import static io.gatepass.server.internal.api.ErrorSpec.receiver;
import static io.gatepass.server.internal.api.ErrorSpec.sender;

/**
 * CodeArtifact's error catalogue, with the HTTP statuses of the AWS model. Its AccessDeniedException,
 * ThrottlingException and InternalServerException are how CodeArtifact answers the common AccessDenied, Throttling
 * and InternalFailure; the other common errors take the JSON protocols' names.
 */
public enum CodeArtifactErrors implements ServiceError {
    VALIDATION(sender("ValidationException", 400).fields(Map.of("reason", "FIELD_VALIDATION_FAILED"))),
    ACCESS_DENIED(sender("AccessDeniedException", 403).spells(CommonErrors.ACCESS_DENIED)),
    NOT_FOUND(sender("ResourceNotFoundException", 404)),
    CONFLICT(sender("ConflictException", 409)),
    QUOTA_EXCEEDED(sender("ServiceQuotaExceededException", 402)),
    THROTTLING(sender("ThrottlingException", 429).spells(CommonErrors.THROTTLING)),
    INTERNAL(receiver("InternalServerException", 500).spells(CommonErrors.INTERNAL_FAILURE));

    private final ErrorSpec spec;

    CodeArtifactErrors(ErrorSpec spec) {
        this.spec = spec;
    }

    @Override
    public ErrorSpec spec() {
        return spec;
    }
}
