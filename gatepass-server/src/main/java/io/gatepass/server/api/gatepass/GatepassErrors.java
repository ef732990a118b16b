package io.gatepass.server.api.gatepass;

import io.gatepass.core.error.Fault;
import io.gatepass.server.api.CommonErrors;
import io.gatepass.server.api.ServiceError;

import java.util.Map;
import java.util.Set;

/**
 * The errors of Gatepass's own API (token keys), in restJson's shape as CodeArtifact writes them: the common
 * AccessDenied, Throttling and InternalFailure are answered as AccessDeniedException, ThrottlingException and
 * InternalServerException; the other common errors take the JSON protocols' names.
 */
public enum GatepassErrors implements ServiceError {
    VALIDATION("ValidationException", 400),
    ACCESS_DENIED("AccessDeniedException", 403, Fault.SENDER, CommonErrors.ACCESS_DENIED),
    THROTTLING("ThrottlingException", 429, Fault.SENDER, CommonErrors.THROTTLING),
    INTERNAL("InternalServerException", 500, Fault.RECEIVER, CommonErrors.INTERNAL_FAILURE);

    private final String code;
    private final int httpStatus;
    private final Fault fault;
    private final Set<CommonErrors> spells;

    GatepassErrors(String code, int httpStatus) {
        this(code, httpStatus, Fault.SENDER);
    }

    GatepassErrors(String code, int httpStatus, Fault fault, CommonErrors... spells) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.fault = fault;
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
        return Map.of();
    }

    @Override
    public Set<CommonErrors> spells() {
        return spells;
    }
}
