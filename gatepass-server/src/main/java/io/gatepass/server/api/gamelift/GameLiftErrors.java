package io.gatepass.server.api.gamelift;

import io.gatepass.server.api.CommonErrors;
import io.gatepass.server.api.ServiceError;
import io.gatepass.core.error.Fault;

import java.util.Set;

/**
 * GameLift's error catalogue. As in AWS, every GameLift error is HTTP 400 except InternalServiceException (500), the
 * common errors included: GameLift answers them with the JSON protocols' names, at 400.
 */
public enum GameLiftErrors implements ServiceError {
    INVALID_REQUEST("InvalidRequestException"),
    NOT_FOUND("NotFoundException"),
    CONFLICT("ConflictException"),
    LIMIT_EXCEEDED("LimitExceededException"),
    UNAUTHORIZED("UnauthorizedException"),
    INVALID_FLEET_STATUS("InvalidFleetStatusException"),
    FLEET_CAPACITY_EXCEEDED("FleetCapacityExceededException"),
    GAME_SESSION_FULL("GameSessionFullException"),
    INVALID_GAME_SESSION_STATUS("InvalidGameSessionStatusException"),
    IDEMPOTENT_PARAMETER_MISMATCH("IdempotentParameterMismatchException"),
    INTERNAL_SERVICE("InternalServiceException", 500, Fault.RECEIVER, CommonErrors.INTERNAL_FAILURE),

    ACCESS_DENIED("AccessDeniedException", CommonErrors.ACCESS_DENIED),
    MISSING_AUTHENTICATION_TOKEN("MissingAuthenticationTokenException", CommonErrors.MISSING_AUTHENTICATION_TOKEN),
    UNRECOGNIZED_CLIENT("UnrecognizedClientException", CommonErrors.INVALID_CLIENT_TOKEN_ID),
    INVALID_SIGNATURE("InvalidSignatureException", CommonErrors.SIGNATURE_DOES_NOT_MATCH,
            CommonErrors.REQUEST_EXPIRED),
    EXPIRED_TOKEN("ExpiredTokenException", CommonErrors.EXPIRED_TOKEN);

    private final String code;
    private final int httpStatus;
    private final Fault fault;
    private final Set<CommonErrors> spells;

    GameLiftErrors(String code, CommonErrors... spells) {
        this(code, 400, Fault.SENDER, spells);
    }

    GameLiftErrors(String code, int httpStatus, Fault fault, CommonErrors... spells) {
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
    public Set<CommonErrors> spells() {
        return spells;
    }
}
