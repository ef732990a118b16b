package io.gatepass.server.internal.api.iam;

import io.gatepass.core.id.IdGenerator;
import io.gatepass.core.identity.Role;
import io.gatepass.server.internal.api.CallContext;
import io.gatepass.server.internal.api.Paging;
import io.gatepass.server.internal.api.Empty;
import io.gatepass.server.internal.api.iam.IamShapes.CreateRoleRequest;
import io.gatepass.server.internal.api.iam.IamShapes.ListRolesRequest;
import io.gatepass.server.internal.api.iam.IamShapes.ListRolesResult;
import io.gatepass.server.internal.api.iam.IamShapes.RoleNameRequest;
import io.gatepass.server.internal.api.iam.IamShapes.RoleResult;
import io.gatepass.server.internal.api.iam.IamShapes.RoleShape;
import io.gatepass.server.internal.auth.PolicyValidator;
import io.gatepass.store.DuplicateEntityException;
import io.gatepass.store.PolicyOwner;
import io.gatepass.store.Store;

import java.time.temporal.ChronoUnit;

/** CreateRole, GetRole, ListRoles, DeleteRole. */
final class RoleOperations {
    static final int DEFAULT_MAX_SESSION_DURATION = 3600;
    static final int MAX_TRUST_POLICY_SIZE = 2048;

    private final IamSupport support;
    private final Store store;
    private final IdGenerator ids;
    private final PolicyValidator policies;

    RoleOperations(IamSupport support, Store store, IdGenerator ids, PolicyValidator policies) {
        this.support = support;
        this.store = store;
        this.ids = ids;
        this.policies = policies;
    }

    RoleResult createRole(CreateRoleRequest request, CallContext context) {
        String roleName = support.roleName(request.roleName());
        String path = support.path(request.path());
        String trust = support.validation.requiredString("AssumeRolePolicyDocument",
                request.assumeRolePolicyDocument(), 1, 131072, IamSupport.POLICY_DOCUMENT);
        String description = support.validation.optionalString("Description", request.description(), 0, 1000,
                IamSupport.DESCRIPTION);
        Integer maxSession = support.validation.range("MaxSessionDuration", request.maxSessionDuration(), 3600, 43200);
        String account = context.principal().accountId();
        support.authorize(context, Role.arn(account, path, roleName));
        if (PolicyText.size(trust) > MAX_TRUST_POLICY_SIZE) {
            throw IamErrors.LIMIT_EXCEEDED.exception("Cannot exceed quota for ACLSizePerRole: %d", MAX_TRUST_POLICY_SIZE);
        }
        policies.trustPolicy(trust);
        Role role = new Role(account, roleName, ids.roleId(), path, trust,
                maxSession == null ? DEFAULT_MAX_SESSION_DURATION : maxSession, description,
                context.now().truncatedTo(ChronoUnit.SECONDS));
        try {
            store.roles().create(role);
        } catch (DuplicateEntityException e) {
            throw IamErrors.ENTITY_ALREADY_EXISTS.exception("Role with name %s already exists.", roleName);
        }
        return new RoleResult(shape(role));
    }

    RoleResult getRole(RoleNameRequest request, CallContext context) {
        Role role = find(context.principal().accountId(), support.roleName(request.roleName()));
        support.authorize(context, role.arn());
        return new RoleResult(shape(role));
    }

    ListRolesResult listRoles(ListRolesRequest request, CallContext context) {
        String account = context.principal().accountId();
        String prefix = support.pathPrefix(request.pathPrefix());
        int limit = support.maxItems(request.maxItems());
        String after = support.afterName(request.marker());
        support.authorize(context, Role.arn(account, prefix, "*"));
        Paging.Page<Role> page = Paging.of(
                store.roles().list(account, prefix, after, limit + 1), limit, Role::roleName);
        return new ListRolesResult(page.items().stream().map(RoleOperations::shape).toList(), page.truncated(),
                page.nextToken());
    }

    Empty deleteRole(RoleNameRequest request, CallContext context) {
        String account = context.principal().accountId();
        Role role = find(account, support.roleName(request.roleName()));
        support.authorize(context, role.arn());
        if (!store.policies().list(PolicyOwner.role(account, role.roleName())).isEmpty()) {
            throw IamErrors.DELETE_CONFLICT.exception("Cannot delete entity, must delete policies first.");
        }
        if (!store.roles().delete(account, role.roleName())) {
            throw noSuchRole(role.roleName());
        }
        return Empty.INSTANCE;
    }

    Role find(String accountId, String roleName) {
        return store.roles().find(accountId, roleName).orElseThrow(() -> noSuchRole(roleName));
    }

    private static io.gatepass.core.error.ServiceException noSuchRole(String roleName) {
        return IamErrors.NO_SUCH_ENTITY.exception("The role with name %s cannot be found.", roleName);
    }

    static RoleShape shape(Role role) {
        return new RoleShape(role.path(), role.roleName(), role.roleId(), role.arn(), role.createDate(),
                PolicyText.encode(role.assumeRolePolicyDocument()), role.description(), role.maxSessionDuration());
    }
}
