package io.gatepass.server.internal.api;

import io.gatepass.core.error.ErrorCode;
import io.gatepass.core.error.Fault;

import java.util.Map;
import java.util.Set;

/**
 * The facts of one error-catalogue entry: its name, HTTP status and fault, the members its shape always carries, how
 * the JSON protocols spell it when they name it otherwise ({@link CommonErrors} only; {@code null} when they do not),
 * and which common errors it stands for in its service's answers ({@link ServiceError} only). Each catalogue enum
 * constant holds one and answers through {@link CatalogueEntry}; a spelling is itself an {@code ErrorCode}.
 */
public record ErrorSpec(String code, int httpStatus, Fault fault, Map<String, String> fields, ErrorSpec json,
                        Set<CommonErrors> spells) implements ErrorCode {

    /** An error whose fault lies with the sender (do not retry as is). */
    public static ErrorSpec sender(String code, int httpStatus) {
        return new ErrorSpec(code, httpStatus, Fault.SENDER, Map.of(), null, Set.of());
    }

    /** An error whose fault lies with the receiver (retrying may succeed). */
    public static ErrorSpec receiver(String code, int httpStatus) {
        return new ErrorSpec(code, httpStatus, Fault.RECEIVER, Map.of(), null, Set.of());
    }

    /** This entry with the JSON protocols' name and status for it (the fault stays). */
    public ErrorSpec json(String jsonCode, int jsonStatus) {
        return new ErrorSpec(code, httpStatus, fault, fields,
                new ErrorSpec(jsonCode, jsonStatus, fault, fields, null, Set.of()), spells);
    }

    /** This entry with members its shape always carries. */
    public ErrorSpec fields(Map<String, String> always) {
        return new ErrorSpec(code, httpStatus, fault, always, json, spells);
    }

    /** This entry as its service's spelling of {@code common}. */
    public ErrorSpec spells(CommonErrors... common) {
        return new ErrorSpec(code, httpStatus, fault, fields, json, Set.of(common));
    }
}
