package io.gatepass.server.api.gamelift;

import io.gatepass.core.error.CommonErrors;
import io.gatepass.core.error.ErrorCode;

/** GameLift's error catalogue. As in AWS, every GameLift error is HTTP 400 except InternalServiceException (500). */
public final class GameLiftErrors {
    private GameLiftErrors() {
    }

    public static final ErrorCode INVALID_REQUEST = ErrorCode.sender("InvalidRequestException", 400);
    public static final ErrorCode NOT_FOUND = ErrorCode.sender("NotFoundException", 400);
    public static final ErrorCode CONFLICT = ErrorCode.sender("ConflictException", 400);
    public static final ErrorCode LIMIT_EXCEEDED = ErrorCode.sender("LimitExceededException", 400);
    public static final ErrorCode UNAUTHORIZED = ErrorCode.sender("UnauthorizedException", 400);
    public static final ErrorCode INVALID_FLEET_STATUS = ErrorCode.sender("InvalidFleetStatusException", 400);
    public static final ErrorCode FLEET_CAPACITY_EXCEEDED = ErrorCode.sender("FleetCapacityExceededException", 400);
    public static final ErrorCode GAME_SESSION_FULL = ErrorCode.sender("GameSessionFullException", 400);
    public static final ErrorCode INVALID_GAME_SESSION_STATUS =
            ErrorCode.sender("InvalidGameSessionStatusException", 400);
    public static final ErrorCode IDEMPOTENT_PARAMETER_MISMATCH =
            ErrorCode.sender("IdempotentParameterMismatchException", 400);
    public static final ErrorCode INTERNAL_SERVICE = ErrorCode.receiver("InternalServiceException", 500);

    /** Protocol-neutral errors in GameLift's spelling: authentication errors as the JSON protocols name them. */
    static ErrorCode spell(ErrorCode code) {
        return switch (code.code()) {
            case "AccessDenied" -> ErrorCode.sender("AccessDeniedException", 400);
            case "InternalFailure" -> INTERNAL_SERVICE;
            default -> {
                ErrorCode json = CommonErrors.forJson(code);
                yield json.httpStatus() == 403 ? ErrorCode.sender(json.code(), 400) : json;
            }
        };
    }
}
