package io.gatepass.server.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatepass.server.internal.api.BoundOperation;

/** A request resolved to one operation, with its input members as a tree still to be bound to the input record. */
public record DecodedCall(BoundOperation<?, ?> operation, JsonNode input) {
}
