package io.gatepass.store;

import io.gatepass.core.identity.Account;

import java.util.Optional;

/** Accounts. Gatepass bootstraps one on first start; more may come with organizations later. */
public interface AccountStore {
    /** @throws DuplicateEntityException if the account id exists */
    void create(Account account);

    Optional<Account> find(String accountId);

    /** The first account ever created (the bootstrap account), if any. */
    Optional<Account> findBootstrap();

    /**
     * Creates {@code candidate} as the bootstrap account unless there is one already, atomically on every node: of
     * any number of first starts racing on one empty database, exactly one creates its account.
     *
     * @return the bootstrap account: {@code candidate} if it was created, else the existing one
     */
    Account createBootstrap(Account candidate);
}
