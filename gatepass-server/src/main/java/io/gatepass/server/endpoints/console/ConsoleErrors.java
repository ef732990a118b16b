package io.gatepass.server.endpoints.console;

import io.gatepass.core.error.ErrorCode;
import io.gatepass.core.error.Fault;

/** The console route's own refusal; a missing file is the common {@code NotFound}. */
enum ConsoleErrors implements ErrorCode {
    /** Anything but GET on a console path (HEAD included: the route answers GET only). */
    METHOD_NOT_ALLOWED("MethodNotAllowed", 405);

    private final String code;
    private final int httpStatus;

    ConsoleErrors(String code, int httpStatus) {
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
