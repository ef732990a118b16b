package io.gatepass.core.error;

import java.util.Map;

/**
 * One entry of an error catalogue, protocol-neutral: the error's name, the HTTP status it comes with, whether the
 * fault lies with the sender, and any further members its shape always carries (CodeArtifact's ValidationException
 * has a {@code reason}). Catalogues are enums in the server layer, one per service plus the common errors every
 * protocol knows; how a protocol spells an error on the wire is the server's business, never core's.
 */
public interface ErrorCode {

    /** The error's name; a service's catalogue names it as the service's protocol writes it. */
    String code();

    int httpStatus();

    Fault fault();

    /** Further members the error shape always carries, in order. */
    default Map<String, String> fields() {
        return Map.of();
    }

    default ServiceException exception(String message) {
        return new ServiceException(this, message);
    }

    default ServiceException exception(String format, Object... args) {
        return new ServiceException(this, String.format(format, args));
    }
}
