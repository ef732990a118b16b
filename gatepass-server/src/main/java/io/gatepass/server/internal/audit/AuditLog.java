package io.gatepass.server.internal.audit;

/**
 * Where audit events go. {@link #record} never blocks and never throws: callers run on the event loop as well as on
 * workers.
 */
@FunctionalInterface
public interface AuditLog {
    /** Audit logging switched off ({@code --audit-log off}). */
    AuditLog OFF = event -> {
    };

    void record(AuditEvent event);
}
