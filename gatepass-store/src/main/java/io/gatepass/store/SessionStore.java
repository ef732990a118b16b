package io.gatepass.store;

import io.gatepass.core.identity.SessionCredentials;

import java.time.Instant;
import java.util.Optional;

/** Temporary credentials, shared by every node so that any node verifies what another issued. */
public interface SessionStore {
    /** @throws DuplicateEntityException if the access key id exists */
    void create(SessionCredentials session);

    Optional<SessionCredentials> find(String accessKeyId);

    /** Removes sessions whose expiration is strictly before {@code cutoff}; returns how many. */
    int deleteExpiredBefore(Instant cutoff);
}
