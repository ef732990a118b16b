package io.gatepass.server.api.iam;

import io.gatepass.core.error.ErrorCode;

/** IAM's error catalogue, as in the AWS model. */
public final class IamErrors {
    private IamErrors() {
    }

    public static final ErrorCode NO_SUCH_ENTITY = ErrorCode.sender("NoSuchEntity", 404);
    public static final ErrorCode ENTITY_ALREADY_EXISTS = ErrorCode.sender("EntityAlreadyExists", 409);
    public static final ErrorCode DELETE_CONFLICT = ErrorCode.sender("DeleteConflict", 409);
    public static final ErrorCode LIMIT_EXCEEDED = ErrorCode.sender("LimitExceeded", 409);
    public static final ErrorCode MALFORMED_POLICY_DOCUMENT = ErrorCode.sender("MalformedPolicyDocument", 400);
    public static final ErrorCode INVALID_INPUT = ErrorCode.sender("InvalidInput", 400);
    public static final ErrorCode VALIDATION_ERROR = ErrorCode.sender("ValidationError", 400);
    public static final ErrorCode SERVICE_FAILURE = ErrorCode.receiver("ServiceFailure", 500);
}
