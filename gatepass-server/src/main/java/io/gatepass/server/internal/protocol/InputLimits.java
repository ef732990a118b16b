package io.gatepass.server.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatepass.server.internal.api.CommonErrors;
import io.gatepass.core.error.ErrorCode;

import java.util.Iterator;
import java.util.Map;

/**
 * Holds a decoded input tree, whatever its protocol, to a nesting depth and a list length: deeper input is a
 * SerializationException, a longer list the service's validation error in AWS's words.
 */
public final class InputLimits {
    private final int maxDepth;
    private final int maxListLength;

    public InputLimits(int maxDepth, int maxListLength) {
        this.maxDepth = maxDepth;
        this.maxListLength = maxListLength;
    }

    /** @param validationError the service's validation error code (ValidationException, ValidationError, ...) */
    public void check(JsonNode input, ErrorCode validationError) {
        check(input, "", 0, validationError);
    }

    private void check(JsonNode node, String path, int depth, ErrorCode validationError) {
        if (!node.isContainerNode()) {
            return;
        }
        if (depth >= maxDepth) {
            throw CommonErrors.SERIALIZATION.exception("The request is nested deeper than the limit of %d levels.",
                    maxDepth);
        }
        if (node.isArray()) {
            if (node.size() > maxListLength) {
                throw validationError.exception("1 validation error detected: Value at '%s' failed to satisfy "
                        + "constraint: Member must have length less than or equal to %d", path, maxListLength);
            }
            int index = 1;
            for (JsonNode item : node) {
                check(item, path + "." + index++, depth + 1, validationError);
            }
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey().length() > 64 ? field.getKey().substring(0, 64) + "..." : field.getKey();
            check(field.getValue(), path.isEmpty() ? name : path + "." + name, depth + 1, validationError);
        }
    }
}
