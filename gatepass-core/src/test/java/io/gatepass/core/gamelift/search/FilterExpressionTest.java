package io.gatepass.core.gamelift.search;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FilterExpressionTest {
    private static final SearchableGameSession BRAWL = new SearchableGameSession(
            "arn:aws:gamelift:us-east-1::gamesession/fleet-1/custom-home/gs-1", "Matt's Awesome Game 1",
            1_700_000_000_000L, 3, 10, Map.of("gameMode", "brawl", "difficulty", "novice"));
    private static final SearchableGameSession FULL = new SearchableGameSession(
            "arn:aws:gamelift:us-east-1::gamesession/fleet-1/custom-home/gs-2", null, 1_700_000_001_000L, 4, 4,
            Map.of());

    private static boolean matches(String expression, SearchableGameSession session) {
        return FilterExpression.parse(expression).matches(session);
    }

    @Test
    void parse_awsExamples_matchAsDocumented() {
        assertThat(matches("maximumSessions>=10 AND hasAvailablePlayerSessions=true", BRAWL)).isTrue();
        assertThat(matches("maximumSessions>=10 AND hasAvailablePlayerSessions=true", FULL)).isFalse();
        assertThat(matches("gameSessionName = 'Matt\\'s Awesome Game 1'", BRAWL)).isTrue();
        assertThat(matches("gameSessionProperties.difficulty = \"novice\"", BRAWL)).isTrue();
        assertThat(matches("gameSessionId = '" + FULL.gameSessionId() + "'", FULL)).isTrue();
        assertThat(matches("creationTimeMillis < 1700000000500", BRAWL)).isTrue();
        assertThat(matches("playerSessionCount <> 3", BRAWL)).isFalse();
    }

    @Test
    void parse_precedence_notBindsTighterThanAnd_andAndTighterThanOr() {
        // NOT a AND b == (NOT a) AND b; a OR b AND c == a OR (b AND c)
        assertThat(matches("NOT playerSessionCount = 4 AND maximumSessions = 10", BRAWL)).isTrue();
        assertThat(matches("NOT (playerSessionCount = 3 AND maximumSessions = 10)", BRAWL)).isFalse();
        assertThat(matches("playerSessionCount = 3 OR playerSessionCount = 9 AND maximumSessions = 99", BRAWL))
                .isTrue();
        assertThat(matches("(playerSessionCount = 3 OR playerSessionCount = 9) AND maximumSessions = 99", BRAWL))
                .isFalse();
        assertThat(matches("not not hasAvailablePlayerSessions = TRUE and (gameSessionProperties.absent = '1' "
                + "or maximumSessions > 1)", BRAWL)).isTrue();
    }

    @Test
    void matches_whenAttributeMissing_noComparisonHolds() {
        assertThat(matches("gameSessionName = 'x'", FULL)).isFalse();
        assertThat(matches("gameSessionName <> 'x'", FULL)).isFalse();
        assertThat(matches("NOT gameSessionProperties.gameMode = 'brawl'", FULL)).isTrue();
    }

    @Test
    void parse_whenMalformedOrMistyped_explainsWhatAndWhere() {
        assertThatThrownBy(() -> FilterExpression.parse("maximumSessions >= 'ten'"))
                .isInstanceOf(SearchExpressionException.class).hasMessageContaining("maximumSessions compares with a number");
        assertThatThrownBy(() -> FilterExpression.parse("gameSessionName > 'a'"))
                .hasMessageContaining("strings only compare with = and <>");
        assertThatThrownBy(() -> FilterExpression.parse("hasAvailablePlayerSessions < true"))
                .hasMessageContaining("true and false only compare");
        assertThatThrownBy(() -> FilterExpression.parse("players = 1"))
                .hasMessageContaining("unknown operand 'players' at position 1");
        assertThatThrownBy(() -> FilterExpression.parse("(maximumSessions = 1"))
                .hasMessageContaining("expected ')'");
        assertThatThrownBy(() -> FilterExpression.parse("gameSessionName = 'open"))
                .hasMessageContaining("not closed");
        assertThatThrownBy(() -> FilterExpression.parse("maximumSessions = 1 maximumSessions = 2"))
                .hasMessageContaining("expected AND, OR or the end");
        assertThatThrownBy(() -> FilterExpression.parse("maximumSessions 1"))
                .hasMessageContaining("expected a comparator");
        assertThatThrownBy(() -> FilterExpression.parse("gameSessionProperties.a.b = 'x'"))
                .hasMessageContaining("unknown operand");
        assertThatThrownBy(() -> FilterExpression.parse("maximumSessions = 1 & x"))
                .hasMessageContaining("unexpected character '&' at position 21");
    }

    @Test
    void sort_ordersNullsLastEitherWay() {
        List<SearchableGameSession> sessions = new ArrayList<>(List.of(FULL, BRAWL));
        sessions.sort(SortExpression.parse("gameSessionName ASC").comparator());
        assertThat(sessions).containsExactly(BRAWL, FULL);
        sessions.sort(SortExpression.parse("gameSessionName desc").comparator());
        assertThat(sessions).containsExactly(BRAWL, FULL);
        sessions.sort(SortExpression.parse("creationTimeMillis DESC").comparator());
        assertThat(sessions).containsExactly(FULL, BRAWL);
        sessions.sort(SortExpression.parse("hasAvailablePlayerSessions ASC").comparator());
        assertThat(sessions).containsExactly(FULL, BRAWL);
        assertThatThrownBy(() -> SortExpression.parse("creationTimeMillis")).hasMessageContaining("ASC or DESC");
        assertThatThrownBy(() -> SortExpression.parse("age ASC")).hasMessageContaining("expected an operand");
        assertThatThrownBy(() -> SortExpression.parse("maximumSessions ASC x")).hasMessageContaining("end");
    }
}
