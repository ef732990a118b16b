package io.gatepass.server.internal.api.gamelift;

import io.gatepass.server.internal.api.CommonErrors;
import io.gatepass.server.internal.api.ErrorSpec;
import io.gatepass.server.internal.api.ServiceError;

import static io.gatepass.server.internal.api.ErrorSpec.receiver;
import static io.gatepass.server.internal.api.ErrorSpec.sender;

/**
 * GameLift's error catalogue. As in AWS, every GameLift error is HTTP 400 except InternalServiceException (500), the
 * common errors included: GameLift answers them with the JSON protocols' names, at 400.
 */
public enum GameLiftErrors implements ServiceError {
    INVALID_REQUEST(sender("InvalidRequestException", 400)),
    NOT_FOUND(sender("NotFoundException", 400)),
    CONFLICT(sender("ConflictException", 400)),
    LIMIT_EXCEEDED(sender("LimitExceededException", 400)),
    UNAUTHORIZED(sender("UnauthorizedException", 400)),
    INVALID_FLEET_STATUS(sender("InvalidFleetStatusException", 400)),
    FLEET_CAPACITY_EXCEEDED(sender("FleetCapacityExceededException", 400)),
    GAME_SESSION_FULL(sender("GameSessionFullException", 400)),
    INVALID_GAME_SESSION_STATUS(sender("InvalidGameSessionStatusException", 400)),
    IDEMPOTENT_PARAMETER_MISMATCH(sender("IdempotentParameterMismatchException", 400)),
    INTERNAL_SERVICE(receiver("InternalServiceException", 500).spells(CommonErrors.INTERNAL_FAILURE)),

    ACCESS_DENIED(sender("AccessDeniedException", 400).spells(CommonErrors.ACCESS_DENIED)),
    MISSING_AUTHENTICATION_TOKEN(sender("MissingAuthenticationTokenException", 400)
            .spells(CommonErrors.MISSING_AUTHENTICATION_TOKEN)),
    UNRECOGNIZED_CLIENT(sender("UnrecognizedClientException", 400).spells(CommonErrors.INVALID_CLIENT_TOKEN_ID)),
    INVALID_SIGNATURE(sender("InvalidSignatureException", 400)
            .spells(CommonErrors.SIGNATURE_DOES_NOT_MATCH, CommonErrors.REQUEST_EXPIRED)),
    EXPIRED_TOKEN(sender("ExpiredTokenException", 400).spells(CommonErrors.EXPIRED_TOKEN));

    private final ErrorSpec spec;

    GameLiftErrors(ErrorSpec spec) {
        this.spec = spec;
    }

    @Override
    public ErrorSpec spec() {
        return spec;
    }
}
