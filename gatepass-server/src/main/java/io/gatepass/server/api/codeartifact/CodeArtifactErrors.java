package io.gatepass.server.api.codeartifact;

import io.gatepass.server.api.CommonErrors;
import io.gatepass.server.api.ServiceError;
import io.gatepass.core.error.Fault;

import java.util.Map;
import java.util.Set;

/**
 * CodeArtifact's error catalogue, with the HTTP statuses of the AWS model. Its AccessDeniedException,
 * ThrottlingException and InternalServerException are how CodeArtifact answers the common AccessDenied, Throttling
 * and InternalFailure; the other common errors take the JSON protocols' names.
 */
public enum CodeArtifactErrors implements ServiceError {
    VALIDATION("ValidationException", 400, Map.of("reason", "FIELD_VALIDATION_FAILED")),
    ACCESS_DENIED("AccessDeniedException", 403, CommonErrors.ACCESS_DENIED),
    NOT_FOUND("ResourceNotFoundException", 404),
    CONFLICT("ConflictException", 409),
    QUOTA_EXCEEDED("ServiceQuotaExceededException", 402),
    THROTTLING("ThrottlingException", 429, CommonErrors.THROTTLING),
    INTERNAL("InternalServerException", 500, Fault.RECEIVER, Map.of(), CommonErrors.INTERNAL_FAILURE);

    private final String code;
    private final int httpStatus;
    private final Fault fault;
    private final Map<String, String> fields;
    private final Set<CommonErrors> spells;

    CodeArtifactErrors(String code, int httpStatus, CommonErrors... spells) {
        this(code, httpStatus, Fault.SENDER, Map.of(), spells);
    }

    CodeArtifactErrors(String code, int httpStatus, Map<String, String> fields) {
        this(code, httpStatus, Fault.SENDER, fields);
    }

    CodeArtifactErrors(String code, int httpStatus, Fault fault, Map<String, String> fields,
                       CommonErrors... spells) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.fault = fault;
        this.fields = fields;
        this.spells = Set.of(spells);
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

    @Override
    public Map<String, String> fields() {
        return fields;
    }

    @Override
    public Set<CommonErrors> spells() {
        return spells;
    }
}
