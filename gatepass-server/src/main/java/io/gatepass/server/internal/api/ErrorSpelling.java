package io.gatepass.server.internal.api;

import io.gatepass.core.error.ErrorCode;

import java.util.EnumMap;
import java.util.Map;

/**
 * How one service writes the protocol-neutral {@link CommonErrors}: its own catalogue entries first
 * ({@link ServiceError#spells()}), then its protocols' names, the query protocol's as they are or the JSON protocols'
 * ({@link CommonErrors#json()}). Errors of the service's own catalogue are written as they are.
 */
public final class ErrorSpelling {
    /** The query protocol's spelling (STS, IAM): the common errors' own names. */
    public static final ErrorSpelling QUERY = new ErrorSpelling(false, new EnumMap<>(CommonErrors.class));
    /** The JSON protocols' spelling, for a service without entries of its own (or none known). */
    public static final ErrorSpelling JSON = new ErrorSpelling(true, new EnumMap<>(CommonErrors.class));

    private final boolean json;
    private final Map<CommonErrors, ErrorCode> own;

    private ErrorSpelling(boolean json, Map<CommonErrors, ErrorCode> own) {
        this.json = json;
        this.own = own;
    }

    /** The JSON protocols' spelling, with the common errors that entries of {@code catalogue} spell. */
    public static ErrorSpelling json(ServiceError... catalogue) {
        Map<CommonErrors, ErrorCode> own = new EnumMap<>(CommonErrors.class);
        for (ServiceError entry : catalogue) {
            for (CommonErrors common : entry.spells()) {
                if (own.putIfAbsent(common, entry) != null) {
                    throw new IllegalArgumentException(common + " is spelled twice: " + own.get(common) + ", " + entry);
                }
            }
        }
        return new ErrorSpelling(true, own);
    }

    /** {@code error} as this service writes it. */
    public ErrorCode spell(ErrorCode error) {
        if (!(error instanceof CommonErrors common)) {
            return error;
        }
        ErrorCode spelled = own.get(common);
        if (spelled != null) {
            return spelled;
        }
        return json ? common.json() : common;
    }
}
