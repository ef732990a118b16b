package io.gatepass.server.internal.api;

import io.gatepass.core.error.ErrorCode;
import io.gatepass.core.error.Fault;

import java.util.Map;

/**
 * An entry of an error catalogue (an enum: {@link CommonErrors}, a service's {@link ServiceError}s, the HTTP layer's
 * and the console's), whose facts are one {@link ErrorSpec}: a constant is one line of facts, nothing else.
 */
public interface CatalogueEntry extends ErrorCode {

    ErrorSpec spec();

    @Override
    default String code() {
        return spec().code();
    }

    @Override
    default int httpStatus() {
        return spec().httpStatus();
    }

    @Override
    default Fault fault() {
        return spec().fault();
    }

    @Override
    default Map<String, String> fields() {
        return spec().fields();
    }
}
