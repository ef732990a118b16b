package io.gatepass.server.internal.api.gatepass;

import io.gatepass.server.internal.api.CommonErrors;
import io.gatepass.server.internal.api.ErrorSpec;
import io.gatepass.server.internal.api.ServiceError;

import static io.gatepass.server.internal.api.ErrorSpec.receiver;
import static io.gatepass.server.internal.api.ErrorSpec.sender;

/**
 * The errors of Gatepass's own API (token keys, server processes), in restJson's shape as CodeArtifact writes them:
 * the common AccessDenied, Throttling and InternalFailure are answered as AccessDeniedException, ThrottlingException
 * and InternalServerException; the other common errors take the JSON protocols' names. An unknown fleet or compute is
 * NotFoundException with status 400, as GameLift answers it.
 */
public enum GatepassErrors implements ServiceError {
    VALIDATION(sender("ValidationException", 400)),
    NOT_FOUND(sender("NotFoundException", 400)),
    ACCESS_DENIED(sender("AccessDeniedException", 403).spells(CommonErrors.ACCESS_DENIED)),
    THROTTLING(sender("ThrottlingException", 429).spells(CommonErrors.THROTTLING)),
    INTERNAL(receiver("InternalServerException", 500).spells(CommonErrors.INTERNAL_FAILURE));

    private final ErrorSpec spec;

    GatepassErrors(ErrorSpec spec) {
        this.spec = spec;
    }

    @Override
    public ErrorSpec spec() {
        return spec;
    }
}
