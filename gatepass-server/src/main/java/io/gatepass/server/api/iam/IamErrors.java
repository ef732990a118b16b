package io.gatepass.server.api.iam;

import io.gatepass.core.error.Fault;
import io.gatepass.server.api.ServiceError;

/** IAM's error catalogue, as in the AWS model (the query protocol: the common errors keep their own names). */
public enum IamErrors implements ServiceError {
    NO_SUCH_ENTITY("NoSuchEntity", 404),
    ENTITY_ALREADY_EXISTS("EntityAlreadyExists", 409),
    DELETE_CONFLICT("DeleteConflict", 409),
    LIMIT_EXCEEDED("LimitExceeded", 409),
    MALFORMED_POLICY_DOCUMENT("MalformedPolicyDocument", 400),
    INVALID_INPUT("InvalidInput", 400),
    VALIDATION_ERROR("ValidationError", 400),
    SERVICE_FAILURE("ServiceFailure", 500, Fault.RECEIVER);

    private final String code;
    private final int httpStatus;
    private final Fault fault;

    IamErrors(String code, int httpStatus) {
        this(code, httpStatus, Fault.SENDER);
    }

    IamErrors(String code, int httpStatus, Fault fault) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.fault = fault;
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
}
