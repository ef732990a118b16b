package io.gatepass.server.internal.api.iam;

import io.gatepass.core.identity.Principal;
import io.gatepass.core.identity.User;
import io.gatepass.core.id.IdGenerator;
import io.gatepass.server.internal.api.CallContext;
import io.gatepass.server.internal.api.Paging;
import io.gatepass.server.internal.api.Empty;
import io.gatepass.server.internal.api.iam.IamShapes.CreateUserRequest;
import io.gatepass.server.internal.api.iam.IamShapes.GetUserRequest;
import io.gatepass.server.internal.api.iam.IamShapes.ListUsersRequest;
import io.gatepass.server.internal.api.iam.IamShapes.ListUsersResult;
import io.gatepass.server.internal.api.iam.IamShapes.UserNameRequest;
import io.gatepass.server.internal.api.iam.IamShapes.UserResult;
import io.gatepass.server.internal.api.iam.IamShapes.UserShape;
import io.gatepass.store.DuplicateEntityException;
import io.gatepass.store.PolicyOwner;
import io.gatepass.store.Store;

import java.time.temporal.ChronoUnit;
import java.util.List;

/** CreateUser, GetUser, ListUsers, DeleteUser. */
final class UserOperations {
    private final IamSupport support;
    private final Store store;
    private final IdGenerator ids;

    UserOperations(IamSupport support, Store store, IdGenerator ids) {
        this.support = support;
        this.store = store;
        this.ids = ids;
    }

    UserResult createUser(CreateUserRequest request, CallContext context) {
        String userName = support.userName(request.userName());
        String path = support.path(request.path());
        String account = context.principal().accountId();
        support.authorize(context, User.arn(account, path, userName));
        User user = new User(account, userName, ids.userId(), path, context.now().truncatedTo(ChronoUnit.SECONDS));
        try {
            store.users().create(user);
        } catch (DuplicateEntityException e) {
            throw IamErrors.ENTITY_ALREADY_EXISTS.exception("User with name %s already exists.", userName);
        }
        return new UserResult(shape(user));
    }

    UserResult getUser(GetUserRequest request, CallContext context) {
        Principal caller = context.principal();
        if (request.userName() == null) {
            if (caller.isRoot()) {
                return new UserResult(new UserShape("/", null, caller.accountId(), caller.arn(), null));
            }
            if (caller.type() != io.gatepass.core.identity.PrincipalType.USER) {
                throw IamErrors.VALIDATION_ERROR.exception(
                        "Must specify userName when calling with non-User credentials");
            }
        }
        String userName = support.existingUserName(IamSupport.userOrCaller(request.userName(), caller));
        User user = find(caller.accountId(), userName);
        support.authorize(context, user.arn());
        return new UserResult(shape(user));
    }

    ListUsersResult listUsers(ListUsersRequest request, CallContext context) {
        String account = context.principal().accountId();
        String prefix = support.pathPrefix(request.pathPrefix());
        int limit = support.maxItems(request.maxItems());
        String after = support.afterName(request.marker());
        support.authorize(context, User.arn(account, prefix, "*"));
        Paging.Page<User> page = Paging.of(
                store.users().list(account, prefix, after, limit + 1), limit, User::userName);
        List<UserShape> users = page.items().stream().map(UserOperations::shape).toList();
        return new ListUsersResult(users, page.truncated(), page.nextToken());
    }

    Empty deleteUser(UserNameRequest request, CallContext context) {
        String account = context.principal().accountId();
        User user = find(account, support.existingUserName(request.userName()));
        support.authorize(context, user.arn());
        if (!store.accessKeys().list(account, user.userName()).isEmpty()) {
            throw IamErrors.DELETE_CONFLICT.exception("Cannot delete entity, must delete access keys first.");
        }
        if (!store.policies().list(PolicyOwner.user(account, user.userName())).isEmpty()) {
            throw IamErrors.DELETE_CONFLICT.exception("Cannot delete entity, must delete policies first.");
        }
        if (!store.users().delete(account, user.userName())) {
            throw noSuchUser(user.userName());
        }
        return Empty.INSTANCE;
    }

    User find(String accountId, String userName) {
        return store.users().find(accountId, userName).orElseThrow(() -> noSuchUser(userName));
    }

    static io.gatepass.core.error.ServiceException noSuchUser(String userName) {
        return IamErrors.NO_SUCH_ENTITY.exception("The user with name %s cannot be found.", userName);
    }

    static UserShape shape(User user) {
        return new UserShape(user.path(), user.userName(), user.userId(), user.arn(), user.createDate());
    }
}
