package io.gatepass.server.internal.endpoints.sdk;

import io.gatepass.server.internal.gamelift.ServerProcess;

import java.time.Instant;

/** Where the registry records processes so that other nodes can see them. Blocking. */
public interface ProcessRecords {
    void activated(ServerProcess process, String sdkVersion, String sdkLanguage);

    void heartbeat(ServerProcess process, boolean healthy, Instant at);

    void ended(ServerProcess process);

    /** Records nothing. */
    ProcessRecords NONE = new ProcessRecords() {
        @Override
        public void activated(ServerProcess process, String sdkVersion, String sdkLanguage) {
        }

        @Override
        public void heartbeat(ServerProcess process, boolean healthy, Instant at) {
        }

        @Override
        public void ended(ServerProcess process) {
        }
    };
}
