package io.gatepass.server.internal.api.gatepass;

import io.gatepass.core.token.KeyRing;
import io.gatepass.core.token.SigningKey;
import io.gatepass.server.internal.api.CallContext;
import io.gatepass.server.internal.api.Empty;
import io.gatepass.server.internal.api.Validation;
import io.gatepass.server.internal.api.gatepass.GatepassShapes.*;
import io.gatepass.server.internal.auth.Authorizer;
import io.gatepass.server.internal.tokens.ReloadingKeyRing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The token signing key rings over the API, as {@code gatepass keys list|rotate} sees them on the store: listing
 * shows each key's id, state and times (never a secret); a rotation adds a key to each ring asked for, which this node
 * publishes at once and which signs once every live node has loaded it (KeyRingMaintenance). Each ring is a resource,
 * {@code arn:aws:gatepass:<region>:<account>:token-key-ring/<ring>}, authorized like any other call.
 */
final class TokenKeyOperations {
    private final Authorizer authorizer;
    private final String region;
    private final Map<String, ReloadingKeyRing> rings; // by the command line's ring name, sorted
    private final Validation validation = new Validation(GatepassErrors.VALIDATION);

    TokenKeyOperations(Authorizer authorizer, String region, Map<String, ReloadingKeyRing> rings) {
        this.authorizer = authorizer;
        this.region = region;
        this.rings = new java.util.TreeMap<>(rings);
    }

    ListTokenKeysOutput listTokenKeys(Empty input, CallContext context) {
        authorize(context, rings.keySet());
        return new ListTokenKeysOutput(describe(context, rings.keySet()));
    }

    RotateTokenKeysOutput rotateTokenKeys(RotateTokenKeysInput input, CallContext context) {
        String asked = input.ring() == null ? "all" : input.ring();
        List<String> names = asked.equals("all") ? List.copyOf(rings.keySet())
                : rings.containsKey(asked) ? List.of(asked) : null;
        if (names == null) {
            throw validation.fail("ring must be one of " + String.join(", ", rings.keySet()) + " or all, not '"
                    + (asked.length() > 32 ? asked.substring(0, 32) + "…" : asked) + "'");
        }
        authorize(context, names);
        List<RotatedKey> rotated = new ArrayList<>();
        for (String name : names) {
            ReloadingKeyRing ring = rings.get(name);
            ring.rotate();
            SigningKey added = ring.get().newest();
            rotated.add(new RotatedKey(name, added.keyId(), added.createdAt(),
                    added.createdAt().plus(KeyRing.ACTIVATION_DELAY)));
        }
        return new RotateTokenKeysOutput(rotated, describe(context, rings.keySet()));
    }

    private void authorize(CallContext context, Iterable<String> names) {
        for (String name : names) {
            authorizer.authorize(context.principal(), context.action(), arn(context, name), Map.of());
        }
    }

    private String arn(CallContext context, String ring) {
        return "arn:aws:gatepass:" + region + ":" + context.principal().accountId() + ":token-key-ring/" + ring;
    }

    private List<TokenKeyRing> describe(CallContext context, Iterable<String> names) {
        List<TokenKeyRing> out = new ArrayList<>();
        for (String name : names) {
            ReloadingKeyRing ring = rings.get(name);
            out.add(new TokenKeyRing(name, ring.purpose(), ring.get().statuses(context.now()).stream()
                    .map(k -> new TokenKey(k.keyId(), k.state(), k.createdAt(), k.signsFrom(),
                            k.verifiesUntilOrNull()))
                    .toList()));
        }
        return out;
    }
}
