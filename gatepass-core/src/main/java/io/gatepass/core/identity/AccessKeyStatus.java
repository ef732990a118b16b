package io.gatepass.core.identity;

/** Spelled as on the wire. */
public enum AccessKeyStatus {
    Active,
    Inactive
}
