package io.gatepass.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestContextTest {

    @Test
    void conditionValues_whenKeyCaseDiffers_found() {
        RequestContext context = new RequestContext(null, null, "a:b", "*",
                Map.of("aws:PrincipalTag/Team", List.of("games")));

        assertThat(context.conditionValues("AWS:principaltag/team")).containsExactly("games");
        assertThat(context.conditionValues("aws:other")).isEmpty();
    }

    @Test
    void conditionKeys_whenKeysDifferOnlyInCase_valuesMerged() {
        Map<String, List<String>> keys = new HashMap<>();
        keys.put("aws:TagKeys", List.of("a"));
        keys.put("AWS:TAGKEYS", List.of("b"));

        RequestContext context = new RequestContext(null, null, "a:b", "*", keys);

        assertThat(context.conditionValues("aws:tagkeys")).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void conditionKeys_whenKeyHasNoValues_dropped() {
        Map<String, List<String>> keys = new HashMap<>();
        keys.put("aws:TagKeys", List.of());
        keys.put("aws:username", null);

        assertThat(new RequestContext(null, null, "a:b", "*", keys).conditionKeys()).isEmpty();
    }

    @Test
    void conditionKeys_whenCallerMutatesOriginal_contextUnchanged() {
        Map<String, List<String>> keys = new HashMap<>();
        keys.put("aws:username", List.of("alice"));
        RequestContext context = new RequestContext(null, null, "a:b", "*", keys);

        keys.put("aws:username", List.of("bob"));

        assertThat(context.conditionValues("aws:username")).containsExactly("alice");
        assertThatThrownBy(() -> context.conditionKeys().put("x:y", List.of()))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void constructor_whenActionOrResourceNull_throws() {
        assertThatThrownBy(() -> new RequestContext(null, null, null, "*")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new RequestContext(null, null, "a:b", null)).isInstanceOf(NullPointerException.class);
    }
}
