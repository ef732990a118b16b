package io.gatepass.server.internal.api.iam;

import io.gatepass.server.internal.api.CommonErrors;
import io.gatepass.server.internal.api.ErrorSpelling;
import io.gatepass.core.id.IdGenerator;
import io.gatepass.server.internal.api.Naming;
import io.gatepass.server.internal.api.OperationTable;
import io.gatepass.server.internal.api.ServiceDescriptor;
import io.gatepass.server.internal.api.iam.IamShapes.*;
import io.gatepass.server.internal.auth.Authorizer;
import io.gatepass.server.internal.auth.PolicyValidator;
import io.gatepass.server.internal.identity.KeyIssuer;
import io.gatepass.store.Store;

/** IAM over the query protocol: the subset that administers Gatepass. */
public final class IamService {
    public static final ServiceDescriptor DESCRIPTOR = new ServiceDescriptor("iam",
            "https://iam.amazonaws.com/doc/2010-05-08/", Naming.PASCAL_CASE, IamErrors.VALIDATION_ERROR,
            ErrorSpelling.QUERY);

    private IamService() {
    }

    public static void register(OperationTable table, Store store, IdGenerator ids, KeyIssuer issuer,
                                Authorizer authorizer, PolicyValidator validator) {
        IamSupport support = new IamSupport(authorizer);
        UserOperations users = new UserOperations(support, store, ids);
        AccessKeyOperations keys = new AccessKeyOperations(support, store, issuer, users);
        RoleOperations roles = new RoleOperations(support, store, ids, validator);
        InlinePolicyOperations policies = new InlinePolicyOperations(support, store, validator, users, roles);
        ServiceDescriptor iam = DESCRIPTOR;
        table.add(iam, "CreateUser", CreateUserRequest.class, users::createUser)
                .add(iam, "GetUser", GetUserRequest.class, users::getUser)
                .add(iam, "ListUsers", ListUsersRequest.class, users::listUsers)
                .add(iam, "DeleteUser", UserNameRequest.class, users::deleteUser)
                .add(iam, "CreateAccessKey", UserNameRequest.class, keys::createAccessKey)
                .add(iam, "ListAccessKeys", ListAccessKeysRequest.class, keys::listAccessKeys)
                .add(iam, "UpdateAccessKey", UpdateAccessKeyRequest.class, keys::updateAccessKey)
                .add(iam, "DeleteAccessKey", DeleteAccessKeyRequest.class, keys::deleteAccessKey)
                .add(iam, "GetAccessKeyLastUsed", GetAccessKeyLastUsedRequest.class, keys::getAccessKeyLastUsed)
                .add(iam, "CreateRole", CreateRoleRequest.class, roles::createRole)
                .add(iam, "GetRole", RoleNameRequest.class, roles::getRole)
                .add(iam, "ListRoles", ListRolesRequest.class, roles::listRoles)
                .add(iam, "DeleteRole", RoleNameRequest.class, roles::deleteRole)
                .add(iam, "PutUserPolicy", PutUserPolicyRequest.class, policies::putUserPolicy)
                .add(iam, "GetUserPolicy", UserPolicyRequest.class, policies::getUserPolicy)
                .add(iam, "ListUserPolicies", ListUserPoliciesRequest.class, policies::listUserPolicies)
                .add(iam, "DeleteUserPolicy", UserPolicyRequest.class, policies::deleteUserPolicy)
                .add(iam, "PutRolePolicy", PutRolePolicyRequest.class, policies::putRolePolicy)
                .add(iam, "GetRolePolicy", RolePolicyRequest.class, policies::getRolePolicy)
                .add(iam, "ListRolePolicies", ListRolePoliciesRequest.class, policies::listRolePolicies)
                .add(iam, "DeleteRolePolicy", RolePolicyRequest.class, policies::deleteRolePolicy);
    }
}
