package io.gatepass.server.internal.api.gamelift;

import io.gatepass.server.internal.gamelift.GameLiftIds;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quick plain-id checks accept exactly what the model's pattern accepts among values that are not ARNs: a value
 * they wrongly accepted would skip the model's validation, one they wrongly refused would only cost a regex.
 */
class GameLiftIdsTest {
    private static final Pattern PLAIN_FLEET_ID = Pattern.compile("[a-z]*fleet-[a-zA-Z0-9\\-]+");
    private static final Pattern PLAIN_COMPUTE_NAME = Pattern.compile("[a-zA-Z0-9\\-]+(/[a-zA-Z0-9\\-]+)?");

    @Test
    void agreeWithTheModelsPatterns_onTypicalAndEdgeValues() {
        String[] values = {"fleet-1a2b", "fleet-", "fleet", "xfleet-a", "fleetfleet-a-b", "Fleet-a", "fleet-a_b",
            "fleet-a/b", "arn:aws:gamelift:us-east-1:123456789012:fleet/fleet-1", "compute-00", "a/b", "a/b/c", "/a",
            "a/", "", "-", "--/--", "compute 1", "compute-é", "fleet-a\n", "c\n", "ａ"};
        for (String value : values) {
            assertAgrees(value);
        }
    }

    @Test
    void agreeWithTheModelsPatterns_onRandomValues() {
        Random random = new Random(12);
        String alphabet = "fletxaZ09-/_:.\n é";
        for (int n = 0; n < 200_000; n++) {
            StringBuilder value = new StringBuilder(n % 3 == 0 ? "fleet-" : "");
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                value.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertAgrees(value.toString());
        }
    }

    @Test
    void theModelsPatternsAcceptEveryPlainIdTheQuickChecksAccept() {
        for (String value : new String[]{"fleet-1a2b", "xfleet-A-9", "compute-00", "host-1/proc-2"}) {
            boolean plainFleet = GameLiftIds.isFleetId(value);
            boolean plainCompute = GameLiftIds.isComputeName(value);
            assertThat(!plainFleet || GameLiftSupport.FLEET_ID_OR_ARN.matcher(value).matches()).isTrue();
            assertThat(!plainCompute || GameLiftSupport.COMPUTE_NAME_OR_ARN.matcher(value).matches()).isTrue();
        }
    }

    private static void assertAgrees(String value) {
        assertThat(GameLiftIds.isFleetId(value)).as("fleet id %s", value)
                .isEqualTo(PLAIN_FLEET_ID.matcher(value).matches());
        assertThat(GameLiftIds.isComputeName(value)).as("compute name %s", value)
                .isEqualTo(PLAIN_COMPUTE_NAME.matcher(value).matches());
        // the shared patterns (the Gatepass API validates with them) accept the same as the quick checks
        assertThat(GameLiftIds.FLEET_ID.matcher(value).matches()).as("fleet id pattern %s", value)
                .isEqualTo(GameLiftIds.isFleetId(value));
        assertThat(GameLiftIds.COMPUTE_NAME.matcher(value).matches()).as("compute name pattern %s", value)
                .isEqualTo(GameLiftIds.isComputeName(value));
        if (GameLiftIds.isFleetId(value)) {
            assertThat(GameLiftSupport.FLEET_ID_OR_ARN.matcher(value).matches()).isTrue();
        }
        if (GameLiftIds.isComputeName(value)) {
            assertThat(GameLiftSupport.COMPUTE_NAME_OR_ARN.matcher(value).matches()).isTrue();
        }
    }
}
