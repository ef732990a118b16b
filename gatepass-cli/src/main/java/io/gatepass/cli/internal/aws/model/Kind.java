package io.gatepass.cli.internal.aws.model;

import software.amazon.awssdk.core.protocol.MarshallingType;

/** The model type of a member, from the SDK field's marshalling type. */
public enum Kind {
    STRING, INTEGER, LONG, FLOAT, DOUBLE, BIG_DECIMAL, BOOLEAN, TIMESTAMP, BLOB, STRUCTURE, LIST, MAP, DOCUMENT;

    static Kind of(MarshallingType<?> type) {
        if (type == MarshallingType.STRING) {
            return STRING;
        } else if (type == MarshallingType.INTEGER || type == MarshallingType.SHORT || type == MarshallingType.BYTE) {
            return INTEGER;
        } else if (type == MarshallingType.LONG) {
            return LONG;
        } else if (type == MarshallingType.FLOAT) {
            return FLOAT;
        } else if (type == MarshallingType.DOUBLE) {
            return DOUBLE;
        } else if (type == MarshallingType.BIG_DECIMAL) {
            return BIG_DECIMAL;
        } else if (type == MarshallingType.BOOLEAN) {
            return BOOLEAN;
        } else if (type == MarshallingType.INSTANT) {
            return TIMESTAMP;
        } else if (type == MarshallingType.SDK_BYTES) {
            return BLOB;
        } else if (type == MarshallingType.SDK_POJO) {
            return STRUCTURE;
        } else if (type == MarshallingType.LIST) {
            return LIST;
        } else if (type == MarshallingType.MAP) {
            return MAP;
        } else if (type == MarshallingType.DOCUMENT) {
            return DOCUMENT;
        }
        throw new IllegalStateException("unsupported marshalling type " + type);
    }

    /** Scalars take one command-line word. */
    public boolean scalar() {
        return this != STRUCTURE && this != LIST && this != MAP && this != DOCUMENT;
    }

    /** The type name aws shows in help: string, integer, long, ..., structure, list, map. */
    public String modelName() {
        return switch (this) {
            case BIG_DECIMAL -> "bigdecimal";
            case BLOB -> "blob";
            default -> name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
