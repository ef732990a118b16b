package io.gatepass.store;

/** Whom an inline policy is attached to: a user or a role of an account. */
public record PolicyOwner(String accountId, Kind kind, String name) {
    public enum Kind { USER, ROLE }

    public static PolicyOwner user(String accountId, String userName) {
        return new PolicyOwner(accountId, Kind.USER, userName);
    }

    public static PolicyOwner role(String accountId, String roleName) {
        return new PolicyOwner(accountId, Kind.ROLE, roleName);
    }
}
