package io.gatepass.server.internal.api.sts;

import io.gatepass.server.internal.api.ErrorSpec;
import io.gatepass.server.internal.api.ServiceError;

import static io.gatepass.server.internal.api.ErrorSpec.sender;

/** STS's own errors (the query protocol: the common errors keep their own names). */
public enum StsErrors implements ServiceError {
    VALIDATION_ERROR(sender("ValidationError", 400));

    private final ErrorSpec spec;

    StsErrors(ErrorSpec spec) {
        this.spec = spec;
    }

    @Override
    public ErrorSpec spec() {
        return spec;
    }
}
