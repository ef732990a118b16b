package io.gatepass.server.internal.api.iam;

import io.gatepass.core.identity.AccessKey;
import io.gatepass.core.identity.Account;
import io.gatepass.core.identity.AccessKeyStatus;
import io.gatepass.core.identity.Principal;
import io.gatepass.core.identity.PrincipalType;
import io.gatepass.server.internal.api.CallContext;
import io.gatepass.server.internal.api.Paging;
import io.gatepass.server.internal.api.Empty;
import io.gatepass.server.internal.api.iam.IamShapes.AccessKeyMetadata;
import io.gatepass.server.internal.api.iam.IamShapes.AccessKeyShape;
import io.gatepass.server.internal.api.iam.IamShapes.CreateAccessKeyResult;
import io.gatepass.server.internal.api.iam.IamShapes.AccessKeyLastUsed;
import io.gatepass.server.internal.api.iam.IamShapes.DeleteAccessKeyRequest;
import io.gatepass.server.internal.api.iam.IamShapes.GetAccessKeyLastUsedRequest;
import io.gatepass.server.internal.api.iam.IamShapes.GetAccessKeyLastUsedResult;
import io.gatepass.server.internal.api.iam.IamShapes.ListAccessKeysRequest;
import io.gatepass.server.internal.api.iam.IamShapes.ListAccessKeysResult;
import io.gatepass.server.internal.api.iam.IamShapes.UpdateAccessKeyRequest;
import io.gatepass.server.internal.api.iam.IamShapes.UserNameRequest;
import io.gatepass.server.internal.identity.KeyIssuer;
import io.gatepass.store.Store;

import java.util.List;

/**
 * CreateAccessKey, ListAccessKeys, UpdateAccessKey, DeleteAccessKey, GetAccessKeyLastUsed. Without a UserName they act on the caller's
 * own keys (the root keys when the caller is root), as IAM does.
 */
final class AccessKeyOperations {
    static final int KEYS_PER_USER = 2;
    /** IAM's service name and region for a key never used. */
    static final String NOT_AVAILABLE = "N/A";

    private final IamSupport support;
    private final Store store;
    private final KeyIssuer issuer;
    private final UserOperations users;

    AccessKeyOperations(IamSupport support, Store store, KeyIssuer issuer, UserOperations users) {
        this.support = support;
        this.store = store;
        this.issuer = issuer;
        this.users = users;
    }

    CreateAccessKeyResult createAccessKey(UserNameRequest request, CallContext context) {
        KeyOwner owner = owner(request.userName(), context);
        KeyIssuer.IssuedKey issued = issuer.issueAccessKeyWithinQuota(owner.accountId, owner.userName, context.now(),
                KEYS_PER_USER).orElseThrow(() -> IamErrors.LIMIT_EXCEEDED.exception(
                "Cannot exceed quota for AccessKeysPerUser: %d", KEYS_PER_USER));
        AccessKey key = issued.key();
        return new CreateAccessKeyResult(new AccessKeyShape(key.userName(), key.accessKeyId(), key.status().name(),
                issued.secret(), key.createDate()));
    }

    ListAccessKeysResult listAccessKeys(ListAccessKeysRequest request, CallContext context) {
        KeyOwner owner = owner(request.userName(), context);
        int limit = support.maxItems(request.maxItems());
        String after = support.afterName(request.marker());
        List<AccessKey> keys = store.accessKeys().list(owner.accountId, owner.userName).stream()
                .sorted(java.util.Comparator.comparing(AccessKey::accessKeyId))
                .filter(k -> after == null || k.accessKeyId().compareTo(after) > 0)
                .limit(limit + 1L)
                .toList();
        Paging.Page<AccessKey> page = Paging.of(keys, limit, AccessKey::accessKeyId);
        return new ListAccessKeysResult(page.items().stream()
                .map(k -> new AccessKeyMetadata(k.userName(), k.accessKeyId(), k.status().name(), k.createDate()))
                .toList(), page.truncated(), page.nextToken());
    }

    Empty updateAccessKey(UpdateAccessKeyRequest request, CallContext context) {
        String keyId = keyId(request.accessKeyId());
        String status = support.validation.required("Status", request.status());
        AccessKeyStatus newStatus = support.validation.oneOf("Status", status, AccessKeyStatus.class);
        KeyOwner owner = owner(request.userName(), context);
        if (!store.accessKeys().updateStatus(owner.accountId, owner.userName, keyId, newStatus)) {
            throw noSuchKey(keyId);
        }
        return Empty.INSTANCE;
    }

    Empty deleteAccessKey(DeleteAccessKeyRequest request, CallContext context) {
        String keyId = keyId(request.accessKeyId());
        KeyOwner owner = owner(request.userName(), context);
        if (!store.accessKeys().delete(owner.accountId, owner.userName, keyId)) {
            throw noSuchKey(keyId);
        }
        return Empty.INSTANCE;
    }

    /**
     * When, with which service and in which region a key of the caller's account last signed a request, as recorded
     * by the server (within about a minute of the use). Authorized on the key's user (the account root for root keys).
     */
    GetAccessKeyLastUsedResult getAccessKeyLastUsed(GetAccessKeyLastUsedRequest request, CallContext context) {
        String keyId = keyId(request.accessKeyId());
        String account = context.principal().accountId();
        AccessKey key = store.accessKeys().find(keyId).filter(k -> k.accountId().equals(account))
                .orElseThrow(() -> noSuchKey(keyId));
        if (key.isRoot()) {
            support.authorize(context, Account.rootArn(account));
        } else {
            support.authorize(context, users.find(account, key.userName()).arn());
        }
        AccessKeyLastUsed lastUsed = store.accessKeys().lastUsed(keyId)
                .map(u -> new AccessKeyLastUsed(u.date(), u.serviceName(), u.region()))
                .orElse(new AccessKeyLastUsed(null, NOT_AVAILABLE, NOT_AVAILABLE));
        return new GetAccessKeyLastUsedResult(key.userName(), lastUsed);
    }

    private String keyId(String value) {
        return support.validation.requiredString("AccessKeyId", value, 16, 128, IamSupport.ACCESS_KEY_ID);
    }

    private static io.gatepass.core.error.ServiceException noSuchKey(String keyId) {
        return IamErrors.NO_SUCH_ENTITY.exception("The Access Key with id %s cannot be found.", keyId);
    }

    /** Resolves whose keys are meant, checks the user exists, and authorizes the action on that user. */
    private KeyOwner owner(String requestedUser, CallContext context) {
        Principal caller = context.principal();
        String account = caller.accountId();
        if (requestedUser == null && caller.type() == PrincipalType.ASSUMED_ROLE) {
            throw IamErrors.VALIDATION_ERROR.exception("Must specify userName when calling with non-User credentials");
        }
        String userName = IamSupport.userOrCaller(requestedUser, caller);
        if (userName == null) {
            support.authorize(context, Account.rootArn(account));
            return new KeyOwner(account, null);
        }
        var user = users.find(account, support.existingUserName(userName));
        support.authorize(context, user.arn());
        return new KeyOwner(account, user.userName());
    }

    private record KeyOwner(String accountId, String userName) {
    }
}
