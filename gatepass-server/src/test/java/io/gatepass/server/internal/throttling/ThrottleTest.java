package io.gatepass.server.internal.throttling;

import io.gatepass.core.testing.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ThrottleTest {
    private static final String ACCOUNT = "123456789012";
    private static final String OTHER_ACCOUNT = "210987654321";

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final List<String> throttled = new ArrayList<>();

    private Throttle throttle(ThrottlingSettings settings) {
        return new Throttle(settings, clock, (service, operation) -> throttled.add(service + ":" + operation));
    }

    private static int admitted(Throttle throttle, String service, String operation, String account, int tries) {
        int admitted = 0;
        for (int i = 0; i < tries; i++) {
            if (throttle.admitCall(service, operation, account) == 0) {
                admitted++;
            }
        }
        return admitted;
    }

    @Test
    void admitCall_withTheAwsProfile_allowsGetComputeAuthTokenItsPublishedBurstThenFiveASecond() {
        Throttle throttle = throttle(new ThrottlingSettings(ThrottlingSettings.Profile.AWS, Map.of()));

        assertThat(admitted(throttle, "gamelift", "GetComputeAuthToken", ACCOUNT, 50)).isEqualTo(10);
        assertThat(throttled).hasSize(40).containsOnly("gamelift:GetComputeAuthToken");
        clock.advance(Duration.ofSeconds(1));
        assertThat(admitted(throttle, "gamelift", "GetComputeAuthToken", ACCOUNT, 50)).isEqualTo(5);
    }

    @Test
    void admitCall_keepsABucketPerAccountAndPerOperation() {
        Throttle throttle = throttle(new ThrottlingSettings(ThrottlingSettings.Profile.AWS, Map.of()));
        admitted(throttle, "gamelift", "GetComputeAuthToken", ACCOUNT, 50);

        assertThat(admitted(throttle, "gamelift", "GetComputeAuthToken", OTHER_ACCOUNT, 50)).isEqualTo(10);
        assertThat(admitted(throttle, "gamelift", "DescribeCompute", ACCOUNT, 100)).isEqualTo(30);
    }

    @Test
    void admitCall_withTheAwsProfile_sharesStsSixHundredASecondAcrossItsOperations() {
        Throttle throttle = throttle(new ThrottlingSettings(ThrottlingSettings.Profile.AWS, Map.of()));

        assertThat(admitted(throttle, "sts", "GetCallerIdentity", ACCOUNT, 400)).isEqualTo(400);
        assertThat(admitted(throttle, "sts", "AssumeRole", ACCOUNT, 400)).isEqualTo(200);
        assertThat(admitted(throttle, "sts", "GetSessionToken", OTHER_ACCOUNT, 1)).isEqualTo(1);
    }

    @Test
    void admitCall_withTheAwsProfile_limitsCodeArtifactWritesPerAccountAcrossOperations() {
        Throttle throttle = throttle(new ThrottlingSettings(ThrottlingSettings.Profile.AWS, Map.of()));

        assertThat(admitted(throttle, "codeartifact", "GetAuthorizationToken", ACCOUNT, 100)).isEqualTo(40);
        assertThat(admitted(throttle, "codeartifact", "CreateRepository", ACCOUNT, 60)
                + admitted(throttle, "codeartifact", "DeleteRepository", ACCOUNT, 60)).isEqualTo(100);
    }

    @Test
    void admitCall_withTheGenerousProfile_admitsMoreThanAnyBenchmarkSendsInASecond() {
        Throttle throttle = throttle(ThrottlingSettings.DEFAULT);

        assertThat(admitted(throttle, "gamelift", "GetComputeAuthToken", ACCOUNT, 100_000)).isEqualTo(100_000);
        assertThat(throttle.admitCall("gamelift", "GetComputeAuthToken", ACCOUNT)).isPositive();
        assertThat(throttled).containsExactly("gamelift:GetComputeAuthToken");
    }

    @Test
    void admitCall_whenOff_admitsEverything() {
        Throttle throttle = throttle(ThrottlingSettings.OFF.with("gamelift:GetComputeAuthToken",
                new RateLimit(1, 1)));

        assertThat(admitted(throttle, "gamelift", "GetComputeAuthToken", ACCOUNT, 200_000)).isEqualTo(200_000);
        assertThat(throttle.admitRepositoryToken("token")).isZero();
        assertThat(throttled).isEmpty();
    }

    @Test
    void admitCall_withAnOverride_usesItInsteadOfTheProfile() {
        Throttle throttle = throttle(ThrottlingSettings.DEFAULT.with("iam:*", new RateLimit(1, 2)));

        assertThat(admitted(throttle, "iam", "ListUsers", ACCOUNT, 5) + admitted(throttle, "iam", "GetUser", ACCOUNT,
                5)).isEqualTo(2);
        long wait = throttle.admitCall("iam", "CreateUser", ACCOUNT);
        assertThat(wait).isEqualTo(Duration.ofSeconds(1).toNanos());
        assertThat(Throttle.retryAfterSeconds(wait)).isEqualTo("1");
    }

    @Test
    void admitRepositoryToken_withTheAwsProfile_allowsTwelveHundredRequestsASecondPerToken() {
        Throttle throttle = throttle(new ThrottlingSettings(ThrottlingSettings.Profile.AWS, Map.of()));

        int admitted = 0;
        for (int i = 0; i < 1_500; i++) {
            if (throttle.admitRepositoryToken("gpca1.one") == 0) {
                admitted++;
            }
        }
        assertThat(admitted).isEqualTo(1_200);
        assertThat(throttle.admitRepositoryToken("gpca1.two")).isZero();
        clock.advance(Duration.ofMillis(500));
        assertThat(throttle.admitRepositoryToken("gpca1.one")).isZero();
    }

    @Test
    void retryAfterSeconds_roundsUpToWholeSecondsAndIsAtLeastOne() {
        assertThat(Throttle.retryAfterSeconds(1)).isEqualTo("1");
        assertThat(Throttle.retryAfterSeconds(1_000_000_000L)).isEqualTo("1");
        assertThat(Throttle.retryAfterSeconds(1_000_000_001L)).isEqualTo("2");
        assertThat(Throttle.retryAfterSeconds(100_000_000_000L)).isEqualTo("100");
    }

    @Test
    void settings_parse_readsTheProfileAndQuotaOverrides() {
        ThrottlingSettings settings = ThrottlingSettings.parse("AWS",
                "gamelift:GetComputeAuthToken=2/4, sts:*=600, repository-token=0.5");

        assertThat(settings.profile()).isEqualTo(ThrottlingSettings.Profile.AWS);
        assertThat(settings.overrides()).containsEntry("gamelift:GetComputeAuthToken", new RateLimit(2, 4))
                .containsEntry("sts:*", new RateLimit(600, 600))
                .containsEntry(Throttle.REPOSITORY_TOKEN, new RateLimit(0.5, 1));
        assertThat(ThrottlingSettings.parse(null, null)).isEqualTo(ThrottlingSettings.DEFAULT);
    }

    @Test
    void settings_parse_refusesWhatItCannotRead() {
        assertThatThrownBy(() -> ThrottlingSettings.parse("fast", null)).hasMessageContaining("generous, aws or off");
        assertThatThrownBy(() -> ThrottlingSettings.parse("aws", "gamelift:GetComputeAuthToken"))
                .hasMessageContaining("NAME=RATE[/BURST]");
        assertThatThrownBy(() -> ThrottlingSettings.parse("aws", "GetComputeAuthToken=5"))
                .hasMessageContaining("not a quota name");
        assertThatThrownBy(() -> ThrottlingSettings.parse("aws", "sts:*=0")).hasMessageContaining("above 0");
        assertThatThrownBy(() -> ThrottlingSettings.parse("aws", "sts:*=5/0")).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> ThrottlingSettings.parse("aws", "sts:*=fast")).hasMessageContaining("RATE/BURST");
    }
}
