package io.gatepass.server.internal.api.iam;

import io.gatepass.server.internal.api.ErrorSpec;
import io.gatepass.server.internal.api.ServiceError;

import static io.gatepass.server.internal.api.ErrorSpec.receiver;
import static io.gatepass.server.internal.api.ErrorSpec.sender;

/** IAM's error catalogue, as in the AWS model (the query protocol: the common errors keep their own names). */
public enum IamErrors implements ServiceError {
    NO_SUCH_ENTITY(sender("NoSuchEntity", 404)),
    ENTITY_ALREADY_EXISTS(sender("EntityAlreadyExists", 409)),
    DELETE_CONFLICT(sender("DeleteConflict", 409)),
    LIMIT_EXCEEDED(sender("LimitExceeded", 409)),
    MALFORMED_POLICY_DOCUMENT(sender("MalformedPolicyDocument", 400)),
    INVALID_INPUT(sender("InvalidInput", 400)),
    VALIDATION_ERROR(sender("ValidationError", 400)),
    SERVICE_FAILURE(receiver("ServiceFailure", 500));

    private final ErrorSpec spec;

    IamErrors(ErrorSpec spec) {
        this.spec = spec;
    }

    @Override
    public ErrorSpec spec() {
        return spec;
    }
}
