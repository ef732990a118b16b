package io.gatepass.server.internal.api;

import io.gatepass.core.error.ErrorCode;
import io.gatepass.core.error.ServiceException;

import java.util.regex.Pattern;

/**
 * Checks of input members against the AWS model's constraints, failing with the service's own validation error in
 * the wording AWS uses ("1 validation error detected: Value 'x' at 'userName' failed to satisfy constraint: ...").
 * Member names are given as the model spells them; messages use the camelCase form, as AWS does.
 */
public final class Validation {
    private final ErrorCode validationError;

    public Validation(ErrorCode validationError) {
        this.validationError = validationError;
    }

    public <T> T required(String member, T value) {
        if (value == null) {
            throw fail("Value null at '" + camel(member) + "' failed to satisfy constraint: Member must not be null");
        }
        return value;
    }

    public String length(String member, String value, int min, int max) {
        if (value == null) {
            return null;
        }
        int length = value.codePointCount(0, value.length());
        if (length < min) {
            throw failValue(value, member, "Member must have length greater than or equal to " + min);
        }
        if (length > max) {
            throw failValue(value, member, "Member must have length less than or equal to " + max);
        }
        return value;
    }

    public String pattern(String member, String value, Pattern pattern) {
        if (value != null && !pattern.matcher(value).matches()) {
            throw failValue(value, member, "Member must satisfy regular expression pattern: " + pattern.pattern());
        }
        return value;
    }

    public String requiredString(String member, String value, int min, int max, Pattern pattern) {
        required(member, value);
        length(member, value, min, max);
        return pattern == null ? value : pattern(member, value, pattern);
    }

    public String optionalString(String member, String value, int min, int max, Pattern pattern) {
        if (value == null) {
            return null;
        }
        return requiredString(member, value, min, max, pattern);
    }

    public Integer range(String member, Integer value, long min, long max) {
        if (value == null) {
            return null;
        }
        if (value < min) {
            throw failValue(value, member, "Member must have value greater than or equal to " + min);
        }
        if (value > max) {
            throw failValue(value, member, "Member must have value less than or equal to " + max);
        }
        return value;
    }

    public <E extends Enum<E>> E oneOf(String member, String value, Class<E> type) {
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        StringBuilder allowed = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            allowed.append(allowed.length() == 0 ? "" : ", ").append(constant.name());
        }
        throw failValue(value, member, "Member must satisfy enum value set: [" + allowed + "]");
    }

    public ServiceException fail(String detail) {
        return validationError.exception("1 validation error detected: " + detail);
    }

    private ServiceException failValue(Object value, String member, String constraint) {
        return fail("Value '" + EchoedValues.of(value) + "' at '" + camel(member) + "' failed to satisfy constraint: " + constraint);
    }

    private static String camel(String member) {
        return member.isEmpty() ? member : Character.toLowerCase(member.charAt(0)) + member.substring(1);
    }
}
