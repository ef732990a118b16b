package io.gatepass.server.internal.auth.sigv4;

/** Where a request carried its signature. */
public enum AuthLocation {
    /** {@code Authorization: AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...}. */
    HEADER,
    /** A presigned request: {@code X-Amz-Algorithm}, {@code X-Amz-Credential}, ... in the query string. */
    QUERY_STRING
}
