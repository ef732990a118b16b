package io.gatepass.server.internal.api.iam;

import io.gatepass.server.internal.api.CallContext;
import io.gatepass.server.internal.api.Paging;
import io.gatepass.server.internal.api.Empty;
import io.gatepass.server.internal.api.iam.IamShapes.GetRolePolicyResult;
import io.gatepass.server.internal.api.iam.IamShapes.GetUserPolicyResult;
import io.gatepass.server.internal.api.iam.IamShapes.ListPolicyNamesResult;
import io.gatepass.server.internal.api.iam.IamShapes.ListRolePoliciesRequest;
import io.gatepass.server.internal.api.iam.IamShapes.ListUserPoliciesRequest;
import io.gatepass.server.internal.api.iam.IamShapes.PutRolePolicyRequest;
import io.gatepass.server.internal.api.iam.IamShapes.PutUserPolicyRequest;
import io.gatepass.server.internal.api.iam.IamShapes.RolePolicyRequest;
import io.gatepass.server.internal.api.iam.IamShapes.UserPolicyRequest;
import io.gatepass.server.internal.auth.PolicyValidator;
import io.gatepass.store.InlinePolicy;
import io.gatepass.store.PolicyOwner;
import io.gatepass.store.Store;

import java.util.List;

/**
 * Put/Get/List/Delete of inline policies, for users and roles alike: the two differ only in how the owner is found
 * and in IAM's size quota (2,048 characters for a user, 10,240 for a role, whitespace not counted).
 */
final class InlinePolicyOperations {
    static final int USER_POLICY_QUOTA = 2048;
    static final int ROLE_POLICY_QUOTA = 10240;

    private final IamSupport support;
    private final Store store;
    private final PolicyValidator validator;
    private final UserOperations users;
    private final RoleOperations roles;

    InlinePolicyOperations(IamSupport support, Store store, PolicyValidator validator, UserOperations users,
                           RoleOperations roles) {
        this.support = support;
        this.store = store;
        this.validator = validator;
        this.users = users;
        this.roles = roles;
    }

    Empty putUserPolicy(PutUserPolicyRequest request, CallContext context) {
        put(userOwner(request.userName(), context), request.policyName(), request.policyDocument());
        return Empty.INSTANCE;
    }

    GetUserPolicyResult getUserPolicy(UserPolicyRequest request, CallContext context) {
        Owner owner = userOwner(request.userName(), context);
        InlinePolicy policy = get(owner, request.policyName());
        return new GetUserPolicyResult(owner.id.name(), policy.policyName(), PolicyText.encode(policy.policyDocument()));
    }

    ListPolicyNamesResult listUserPolicies(ListUserPoliciesRequest request, CallContext context) {
        return list(userOwner(request.userName(), context), request.marker(), request.maxItems());
    }

    Empty deleteUserPolicy(UserPolicyRequest request, CallContext context) {
        delete(userOwner(request.userName(), context), request.policyName());
        return Empty.INSTANCE;
    }

    Empty putRolePolicy(PutRolePolicyRequest request, CallContext context) {
        put(roleOwner(request.roleName(), context), request.policyName(), request.policyDocument());
        return Empty.INSTANCE;
    }

    GetRolePolicyResult getRolePolicy(RolePolicyRequest request, CallContext context) {
        Owner owner = roleOwner(request.roleName(), context);
        InlinePolicy policy = get(owner, request.policyName());
        return new GetRolePolicyResult(owner.id.name(), policy.policyName(), PolicyText.encode(policy.policyDocument()));
    }

    ListPolicyNamesResult listRolePolicies(ListRolePoliciesRequest request, CallContext context) {
        return list(roleOwner(request.roleName(), context), request.marker(), request.maxItems());
    }

    Empty deleteRolePolicy(RolePolicyRequest request, CallContext context) {
        delete(roleOwner(request.roleName(), context), request.policyName());
        return Empty.INSTANCE;
    }

    private void put(Owner owner, String policyName, String document) {
        String name = support.policyName(policyName);
        String text = support.validation.requiredString("PolicyDocument", document, 1, 131072,
                IamSupport.POLICY_DOCUMENT);
        if (PolicyText.size(text) > owner.quota) {
            throw IamErrors.LIMIT_EXCEEDED.exception("Maximum policy size of %d bytes exceeded for %s %s",
                    owner.quota, owner.id.kind() == PolicyOwner.Kind.USER ? "user" : "role", owner.id.name());
        }
        validator.identityPolicy(text);
        store.policies().put(owner.id, new InlinePolicy(name, text));
    }

    private InlinePolicy get(Owner owner, String policyName) {
        String name = support.policyName(policyName);
        return store.policies().find(owner.id, name).orElseThrow(() -> noSuchPolicy(owner, name));
    }

    private ListPolicyNamesResult list(Owner owner, String marker, Integer maxItems) {
        int limit = support.maxItems(maxItems);
        String after = support.afterName(marker);
        List<String> names = store.policies().list(owner.id).stream()
                .map(InlinePolicy::policyName)
                .filter(n -> after == null || n.compareToIgnoreCase(after) > 0)
                .limit(limit + 1L)
                .toList();
        Paging.Page<String> page = Paging.of(names, limit, n -> n);
        return new ListPolicyNamesResult(page.items(), page.truncated(), page.nextToken());
    }

    private void delete(Owner owner, String policyName) {
        String name = support.policyName(policyName);
        if (!store.policies().delete(owner.id, name)) {
            throw noSuchPolicy(owner, name);
        }
    }

    private static io.gatepass.core.error.ServiceException noSuchPolicy(Owner owner, String name) {
        return IamErrors.NO_SUCH_ENTITY.exception("The %s policy with name %s cannot be found.",
                owner.id.kind() == PolicyOwner.Kind.USER ? "user" : "role", name);
    }

    private Owner userOwner(String userName, CallContext context) {
        var user = users.find(context.principal().accountId(), support.existingUserName(userName));
        support.authorize(context, user.arn());
        return new Owner(PolicyOwner.user(user.accountId(), user.userName()), USER_POLICY_QUOTA);
    }

    private Owner roleOwner(String roleName, CallContext context) {
        var role = roles.find(context.principal().accountId(), support.roleName(roleName));
        support.authorize(context, role.arn());
        return new Owner(PolicyOwner.role(role.accountId(), role.roleName()), ROLE_POLICY_QUOTA);
    }

    private record Owner(PolicyOwner id, int quota) {
    }
}
