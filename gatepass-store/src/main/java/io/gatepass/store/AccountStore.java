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
}
