package io.gatepass.store;

import java.time.Instant;

/**
 * The last use of a long-term access key: when, with which service (the signing name of the request's credential
 * scope) and in which region.
 */
public record AccessKeyUsage(String accessKeyId, Instant date, String serviceName, String region) {
}
