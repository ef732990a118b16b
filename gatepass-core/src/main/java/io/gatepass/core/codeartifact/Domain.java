package io.gatepass.core.codeartifact;

import java.time.Instant;

/**
 * A CodeArtifact domain, unique per owner account by name ({@code [a-z][a-z0-9\-]{0,48}[a-z0-9]}). {@code status} is
 * an AWS {@code DomainStatus} value as text ({@value #STATUS_ACTIVE}); {@code encryptionKey} is the ARN of the KMS key
 * the client named, or null.
 */
public record Domain(String owner, String name, String arn, String status, Instant createdTime,
                     String encryptionKey) {
    public static final String STATUS_ACTIVE = "Active";
}
