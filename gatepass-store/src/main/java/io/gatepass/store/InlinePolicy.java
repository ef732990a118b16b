package io.gatepass.store;

/** A named inline policy document as stored (the JSON text exactly as the client sent it). */
public record InlinePolicy(String policyName, String policyDocument) {
}
