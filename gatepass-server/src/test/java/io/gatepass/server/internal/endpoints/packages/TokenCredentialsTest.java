package io.gatepass.server.internal.endpoints.packages;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class TokenCredentialsTest {
    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void from_whenBearerOrBasicWithAnyUser_findsTheToken() {
        assertThat(TokenCredentials.from("Bearer gpca1.abc")).isEqualTo(new TokenCredentials.Token("gpca1.abc"));
        assertThat(TokenCredentials.from("bearer   gpca1.abc ")).isEqualTo(new TokenCredentials.Token("gpca1.abc"));
        assertThat(TokenCredentials.from(basic("aws:gpca1.abc"))).isEqualTo(new TokenCredentials.Token("gpca1.abc"));
        assertThat(TokenCredentials.from(basic("anyone:gp:with:colons"))).isEqualTo(
                new TokenCredentials.Token("gp:with:colons"));
    }

    @Test
    void from_whenMissingOrUnreadable_saysWhy() {
        assertThat(TokenCredentials.from(null)).isInstanceOf(TokenCredentials.Missing.class);
        assertThat(TokenCredentials.from(" ")).isInstanceOf(TokenCredentials.Missing.class);
        assertThat(TokenCredentials.from("Basic !!!")).isEqualTo(
                new TokenCredentials.Unreadable("The Basic credentials are not valid base64."));
        assertThat(TokenCredentials.from(basic("aws"))).isInstanceOf(TokenCredentials.Unreadable.class);
        assertThat(TokenCredentials.from("Digest x")).isInstanceOf(TokenCredentials.Unreadable.class);
        assertThat(TokenCredentials.from("Bearer")).isInstanceOf(TokenCredentials.Unreadable.class);
    }

    @Test
    void token_whenPrinted_isRedacted() {
        assertThat(new TokenCredentials.Token("secret-token").toString()).doesNotContain("secret");
    }
}
