package io.gatepass.store.internal.jdbc;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NamesTest {

    @Test
    void escapeLike_whenWildcardsAndEscape_escapesEach() {
        assertThat(Names.escapeLike("/a_b%c\\d/")).isEqualTo("/a\\_b\\%c\\\\d/");
    }

    @Test
    void fold_whenTurkishDefaultLocaleWouldDiffer_usesRootLocale() {
        assertThat(Names.fold("TITLE")).isEqualTo("title");
        assertThat(Names.fold(null)).isNull();
    }

    @Test
    void page_whenAfterKeyGiven_appendsExactConditionOrderAndLimitAfterTheCallersParameters() {
        Names.Query query = Names.page("SELECT * FROM t WHERE a = ? AND b = ?", "k", "Key-1", 5, "x", null);

        assertThat(query.sql()).isEqualTo("SELECT * FROM t WHERE a = ? AND b = ? AND k > ? ORDER BY k LIMIT ?");
        assertThat(query.params()).containsExactly("x", null, "Key-1", 5);
    }

    @Test
    void page_whenNoAfterKey_ordersAndLimitsOnly() {
        Names.Query query = Names.page("SELECT * FROM t WHERE a = ?", "k", null, 1, "x");

        assertThat(query.sql()).isEqualTo("SELECT * FROM t WHERE a = ? ORDER BY k LIMIT ?");
        assertThat(query.params()).containsExactly("x", 1);
        assertThatThrownBy(() -> Names.page("SELECT * FROM t WHERE a = ?", "k", null, 0, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void redact_whenPasswordParameter_masksOnlyItsValue() {
        assertThat(Urls.redact("jdbc:postgresql://db/x?user=u&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/x?user=u&password=***&ssl=true");
    }
}
