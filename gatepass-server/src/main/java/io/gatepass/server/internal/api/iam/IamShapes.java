package io.gatepass.server.internal.api.iam;

import java.time.Instant;
import java.util.List;

/** IAM input and output members, named as in the AWS model (the wire spells them in PascalCase). */
public final class IamShapes {
    private IamShapes() {
    }

    // Shared structures
    public record UserShape(String path, String userName, String userId, String arn, Instant createDate) {
    }

    public record RoleShape(String path, String roleName, String roleId, String arn, Instant createDate,
                            String assumeRolePolicyDocument, String description, Integer maxSessionDuration) {
    }

    public record AccessKeyShape(String userName, String accessKeyId, String status, String secretAccessKey,
                                 Instant createDate) {
        @Override
        public String toString() {
            return "AccessKeyShape[" + accessKeyId + ", " + userName + ", " + status + "]";
        }
    }

    public record AccessKeyMetadata(String userName, String accessKeyId, String status, Instant createDate) {
    }

    // Users
    public record CreateUserRequest(String path, String userName) {
    }

    public record UserResult(UserShape user) {
    }

    public record GetUserRequest(String userName) {
    }

    public record ListUsersRequest(String pathPrefix, String marker, Integer maxItems) {
    }

    public record ListUsersResult(List<UserShape> users, Boolean isTruncated, String marker) {
    }

    public record UserNameRequest(String userName) {
    }

    // Access keys
    public record CreateAccessKeyResult(AccessKeyShape accessKey) {
    }

    public record ListAccessKeysRequest(String userName, String marker, Integer maxItems) {
    }

    public record ListAccessKeysResult(List<AccessKeyMetadata> accessKeyMetadata, Boolean isTruncated,
                                       String marker) {
    }

    public record UpdateAccessKeyRequest(String userName, String accessKeyId, String status) {
    }

    public record DeleteAccessKeyRequest(String userName, String accessKeyId) {
    }

    public record GetAccessKeyLastUsedRequest(String accessKeyId) {
    }

    /** Service name and region are "N/A", and the date absent, for a key never used. */
    public record AccessKeyLastUsed(Instant lastUsedDate, String serviceName, String region) {
    }

    public record GetAccessKeyLastUsedResult(String userName, AccessKeyLastUsed accessKeyLastUsed) {
    }

    // Roles
    public record CreateRoleRequest(String path, String roleName, String assumeRolePolicyDocument,
                                    String description, Integer maxSessionDuration) {
    }

    public record RoleResult(RoleShape role) {
    }

    public record RoleNameRequest(String roleName) {
    }

    public record ListRolesRequest(String pathPrefix, String marker, Integer maxItems) {
    }

    public record ListRolesResult(List<RoleShape> roles, Boolean isTruncated, String marker) {
    }

    // Inline policies (user and role policies share the shapes, under different owner member names)
    public record PutUserPolicyRequest(String userName, String policyName, String policyDocument) {
    }

    public record UserPolicyRequest(String userName, String policyName) {
    }

    public record GetUserPolicyResult(String userName, String policyName, String policyDocument) {
    }

    public record ListUserPoliciesRequest(String userName, String marker, Integer maxItems) {
    }

    public record PutRolePolicyRequest(String roleName, String policyName, String policyDocument) {
    }

    public record RolePolicyRequest(String roleName, String policyName) {
    }

    public record GetRolePolicyResult(String roleName, String policyName, String policyDocument) {
    }

    public record ListRolePoliciesRequest(String roleName, String marker, Integer maxItems) {
    }

    public record ListPolicyNamesResult(List<String> policyNames, Boolean isTruncated, String marker) {
    }
}
