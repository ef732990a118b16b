package io.gatepass.server.api.sts;

import io.gatepass.core.error.Fault;
import io.gatepass.server.api.ServiceError;

/** STS's own errors (the query protocol: the common errors keep their own names). */
public enum StsErrors implements ServiceError {
    VALIDATION_ERROR("ValidationError", 400);

    private final String code;
    private final int httpStatus;

    StsErrors(String code, int httpStatus) {
        this.code = code;
        this.httpStatus = httpStatus;
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
        return Fault.SENDER;
    }
}
