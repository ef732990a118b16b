package io.gatepass.server.internal.api.iam;

import io.gatepass.core.identity.Principal;
import io.gatepass.core.identity.PrincipalType;
import io.gatepass.server.internal.api.CallContext;
import io.gatepass.server.internal.api.Paging;
import io.gatepass.server.internal.api.Validation;
import io.gatepass.server.internal.auth.Authorizer;

import java.util.Map;
import java.util.regex.Pattern;

/** What every IAM operation shares: the model's constraints, ARNs, authorization and marker paging. */
final class IamSupport {
    static final Pattern NAME = Pattern.compile("[\\w+=,.@-]+");
    static final Pattern PATH = Pattern.compile("(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)");
    static final Pattern PATH_PREFIX = Pattern.compile("\\u002F[\\u0021-\\u007F]*");
    static final Pattern POLICY_DOCUMENT = Pattern.compile("[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+");
    static final Pattern ACCESS_KEY_ID = Pattern.compile("[\\w]+");
    static final Pattern MARKER = Pattern.compile("[\\u0020-\\u00FF]+");
    static final Pattern DESCRIPTION = Pattern.compile("[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*");
    static final int DEFAULT_MAX_ITEMS = 100;

    final Validation validation = new Validation(IamErrors.VALIDATION_ERROR);
    private final Authorizer authorizer;

    IamSupport(Authorizer authorizer) {
        this.authorizer = authorizer;
    }

    /** Authorizes the call's own action ({@code iam:<Operation>}) on {@code resourceArn}. */
    void authorize(CallContext context, String resourceArn) {
        authorizer.authorize(context.principal(), context.action(), resourceArn, Map.of());
    }

    String userName(String value) {
        return validation.requiredString("UserName", value, 1, 64, NAME);
    }

    /** Existing user names may be up to 128 characters in the model. */
    String existingUserName(String value) {
        return validation.requiredString("UserName", value, 1, 128, NAME);
    }

    String roleName(String value) {
        return validation.requiredString("RoleName", value, 1, 64, NAME);
    }

    String policyName(String value) {
        return validation.requiredString("PolicyName", value, 1, 128, NAME);
    }

    String path(String value) {
        return value == null ? "/" : validation.requiredString("Path", value, 1, 512, PATH);
    }

    String pathPrefix(String value) {
        return value == null ? "/" : validation.requiredString("PathPrefix", value, 1, 512, PATH_PREFIX);
    }

    int maxItems(Integer value) {
        Integer checked = validation.range("MaxItems", value, 1, 1000);
        return checked == null ? DEFAULT_MAX_ITEMS : checked;
    }

    /** The name after which a listing resumes, from a marker this service handed out. */
    String afterName(String marker) {
        if (marker == null) {
            return null;
        }
        validation.requiredString("Marker", marker, 1, 320, MARKER);
        return Paging.after(marker).orElseThrow(() -> IamErrors.INVALID_INPUT.exception("Invalid Marker."));
    }

    /** The user a request is about: the named one, or else the caller itself (null when the caller is root). */
    static String userOrCaller(String requested, Principal caller) {
        if (requested != null) {
            return requested;
        }
        return caller.type() == PrincipalType.USER ? caller.name() : null;
    }
}
