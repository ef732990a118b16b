package io.gatepass.cli.internal.aws.call;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatepass.cli.internal.aws.params.Timestamps;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * An SDK response as aws prints it before formatting: members by model name in model order, absent members left out
 * (the SDK's auto-constructed empty lists and maps mean absent), timestamps in Python's isoformat, blobs in base64.
 */
public final class ResponseJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ZoneId zone;
    private final boolean wire;
    private final boolean epochOnWire;

    /** @param zone the zone timestamps are printed in */
    public ResponseJson(ZoneId zone) {
        this(zone, false, false);
    }

    /**
     * @param wire        cli_timestamp_format wire: timestamps as the service sent them
     * @param epochOnWire whether the service sends epoch seconds (JSON protocols) rather than ISO 8601 text
     */
    public ResponseJson(ZoneId zone, boolean wire, boolean epochOnWire) {
        this.zone = zone;
        this.wire = wire;
        this.epochOnWire = epochOnWire;
    }

    public ObjectNode toJson(SdkPojo pojo) {
        ObjectNode node = NODES.objectNode();
        for (SdkField<?> field : pojo.sdkFields()) {
            JsonNode value = value(field.getValueOrDefault(pojo));
            if (value != null) {
                node.set(field.memberName(), value);
            }
        }
        return node;
    }

    private JsonNode timestamp(Instant instant) {
        if (!wire) {
            return NODES.textNode(Timestamps.format(instant, zone));
        }
        if (!epochOnWire) {
            return NODES.textNode(instant.toString());
        }
        if (instant.getNano() == 0) {
            return NODES.numberNode(instant.getEpochSecond());
        }
        return NODES.numberNode(BigDecimal.valueOf(instant.getEpochSecond())
                .add(BigDecimal.valueOf(instant.getNano(), 9)).stripTrailingZeros());
    }

    private JsonNode value(Object value) {
        if (value == null || value instanceof SdkAutoConstructList<?> || value instanceof SdkAutoConstructMap<?, ?>) {
            return null;
        } else if (value instanceof String text) {
            return NODES.textNode(text);
        } else if (value instanceof Boolean bool) {
            return NODES.booleanNode(bool);
        } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return NODES.numberNode(((Number) value).intValue());
        } else if (value instanceof Long number) {
            return NODES.numberNode(number);
        } else if (value instanceof Float number) {
            return NODES.numberNode(number.doubleValue());
        } else if (value instanceof Double number) {
            return NODES.numberNode(number);
        } else if (value instanceof BigDecimal number) {
            return NODES.numberNode(number);
        } else if (value instanceof Instant instant) {
            return timestamp(instant);
        } else if (value instanceof SdkBytes bytes) {
            return NODES.textNode(Base64.getEncoder().encodeToString(bytes.asByteArrayUnsafe()));
        } else if (value instanceof SdkPojo pojo) {
            return toJson(pojo);
        } else if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode();
            for (Object item : list) {
                JsonNode element = value(item);
                array.add(element == null ? NODES.nullNode() : element);
            }
            return array;
        } else if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                JsonNode element = value(entry.getValue());
                object.set(String.valueOf(entry.getKey()), element == null ? NODES.nullNode() : element);
            }
            return object;
        } else if (value instanceof Document document) {
            return document.isNull() ? NODES.nullNode() : NODES.textNode(document.toString());
        }
        return NODES.textNode(String.valueOf(value));
    }
}
